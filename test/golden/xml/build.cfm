<cfscript>
doc = xmlNew();
doc.xmlRoot = xmlElemNew(doc, "orders");
for (i = 1; i <= 2; i++) {
  o = xmlElemNew(doc, "order");
  o.xmlAttributes["id"] = i;
  o.xmlText = "qty < #i * 5#";
  arrayAppend(doc.orders.xmlChildren, o);
}
doc.orders.order[2].xmlAttributes["state"] = "open";
writeOutput(doc.toString() & chr(10));
doc.orders.order.xmlText = "first";
xmlDeleteAt(doc.orders.order, 2);
writeOutput(toString(doc) & chr(10));
writeOutput(isXml(toString(doc)) & " " & isXml("<a><b></a>"));
</cfscript>
