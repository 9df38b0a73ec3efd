<!--- queryMap(query, closure, resultQuery): the rows the closure returns go into the given query, which keeps only its own columns --->
<cfscript>
src = queryNew("item,price", "varchar,integer", [["pen", 2], ["ink", 5]]);
into = queryNew("item,total");
res = queryMap(src, function(row) { row.total = row.price * 3; return row; }, into);
writeOutput(res.columnList & " " & res.recordCount & " " & valueList(res.total) & " " & valueList(into.item) & " | ");
// without one, the result has the query's columns
writeOutput(src.map(function(row) { row.price += 1; return row; }).columnList);
</cfscript>
