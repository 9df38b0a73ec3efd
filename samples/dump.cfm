<!--- cfdump of the common value kinds; in the CLI it prints readable text, in a web page an HTML table. --->
<cfset order = structNew("ordered")>
<cfset order.id = 1042>
<cfset order.customer = {name: "Ada Lovelace", email: "ada@example.com"}>
<cfset order["lines"] = [
  {sku: "PEN-01", qty: 3},
  {sku: "INK-07", qty: 1}
]>
<cfset order.paid = true>
<cfdump var="#order#" label="Order 1042">
<cfset stock = queryNew("sku,name,qty", "varchar,varchar,integer", [["PEN-01", "Fountain pen", 12], ["INK-07", "Blue ink", 40], ["PAD-02", "Note pad", 0]])>
<cfdump var="#stock#" label="Stock">
<cfdump var="#listToArray('red,green,blue,cyan')#" top="2">
