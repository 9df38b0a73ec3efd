<!--- queryNew(rows): an array of structs alone makes the columns from their keys (first seen first, upper case); column metadata gives the JDBC type name of the type written (int is INTEGER, string is VARCHAR, none is OBJECT) --->
<cfscript>
q = queryNew([{sku: "A1", qty: 3}, {Sku: "B2", colour: "red"}, {qty: 8}]);
writeOutput(q.columnList & " " & q.recordCount & " [" & valueList(q.sku) & "] [" & valueList(q.colour) & "] [" & valueList(q.qty) & "]<br>");
t = queryNew("a,b,c,d,e", "int,string,datetime,bit,cf_sql_varchar");
for (m in getMetadata(t)) writeOutput(m.name & ":" & m.typeName & " ");
writeOutput(getMetadata(queryNew("x"))[1].typeName);
</cfscript>
