<!--- queryNew's row data may be a struct of arrays: one array per column, one row per index;
      a struct of simple values is still one row. --->
<cfscript>
q = queryNew("name,age", "varchar,numeric", {name: ["user1", "user2"], age: [15, 20]});
writeOutput(q.recordCount & " " & q.name[1] & " " & q.age[2] & chr(10));
q = queryNew("name,age", "varchar,numeric", {name: "solo", age: 3});
writeOutput(q.recordCount & " " & q.name[1] & chr(10));
</cfscript>
