<!--- url: minPrice=100 --->
<cfscript>
  function priceAtLeast(numeric min) { return (row) => row.price >= min; }
  q = queryNew("name,price", "varchar,numeric", [["Lamp", 25], ["Desk", 180]]);
</cfscript>
<cfoutput query="#queryFilter(q, priceAtLeast(url.minPrice))#">#name#</cfoutput>
