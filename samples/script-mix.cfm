<!--- A page mixing tags and cfscript: the script defines functions and closures, the tags call them. --->
<cfparam name="url.minPrice" default="10">
<cfscript>
  products = queryNew("name,price,tags", "varchar,numeric,varchar", [
    ["Lamp", 25, "home,light"],
    ["Pen", 2.5, "office"],
    ["Desk", 180, "home,office"],
    ["Mug", 12, "kitchen"]
  ]);

  function money(required numeric amount) {
    return "$" & numberFormat(amount, "0.00");
  }

  // a closure that remembers the threshold it was made with
  function priceAtLeast(numeric min) {
    return (row) => row.price >= min;
  }

  counter = 0;
  next = function () { counter++; return counter; };
  shout = (s) => uCase(s) & "!";
</cfscript>
<cfset cheap = queryFilter(products, priceAtLeast(url.minPrice))>
<cfoutput>
<h1>#shout("products from #money(url.minPrice)#")#</h1>
<ul>
<cfloop query="cheap">
  <li>#next()#. #cheap.name# #money(cheap.price)# (#listLen(cheap.tags)# tags)</li>
</cfloop>
</ul>
<p>Total: #money(arrayReduce(valueArray(cheap, "price"), (sum, p) => sum + p, 0))#</p>
</cfoutput>
<cftry>
  <cfset money("not a number")>
  <cfcatch type="expression">
    <cfoutput><p>Caught: #cfcatch.message#</p></cfoutput>
  </cfcatch>
</cftry>
