<!--- array(), struct(k=v), query(col: [values]) build values from their arguments; queryInsertAt puts the rows of a query, or a struct as one row, before a position from 1 to recordCount + 1. --->
<cfscript>
q = query(a:[1,2,3], b:["x","y"]);
writeOutput(serializeJSON(q) & chr(10));
writeOutput(serializeJSON(array(1,"b",[3])) & " " & serializeJSON(struct(a=1, b:2)) & chr(10));
q1 = queryNew("id,name", "integer,varchar", [[1,"a"],[2,"b"],[3,"c"]]);
q2 = queryNew("id,name", "integer,varchar", [[4,"d"],[5,"e"]]);
r = queryInsertAt(q1, q2, 2);
writeOutput(valueList(q1.id) & " " & valueList(r.name) & chr(10));
q1.insertAt({id: 9, name: "z"}, 6);
writeOutput(valueList(q1.id) & chr(10));
try { queryInsertAt(q1, q2, 0); } catch (any e) { writeOutput(e.message & chr(10)); }
try { queryInsertAt(q1, q2, 8); } catch (any e) { writeOutput(e.message & chr(10)); }
</cfscript>
