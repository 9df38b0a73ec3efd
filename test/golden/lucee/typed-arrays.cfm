<!--- arrayNew(dimension, type): a typed array casts what is written into it and refuses what does not convert; getMetadata tells its type. arraySet gives each position its own copy of an array or struct --->
<cfscript>
names = arrayNew(1, "string");
names.append(42);
names[2] = true;
arrayPrepend(names, 7.5);
writeOutput(serializeJSON(names) & " ");
try { names.append({k: 1}); writeOutput("no error"); } catch (any e) { writeOutput("struct refused "); }
flags = arrayNew(type = "boolean");
flags.append(0);
flags.append("yes");
writeOutput(serializeJSON(flags) & " ");
try { flags.append("maybe"); } catch (any e) { writeOutput("maybe refused "); }
counts = arrayNew(1, "numeric");
counts.append("12");
writeOutput(serializeJSON(counts) & " ");
meta = names.getMetadata();
writeOutput(meta.datatype & " " & meta.dimensions & " " & meta.type & " " & [1].getMetadata().datatype & " ");
// a boolean in the type's place is the synchronized flag, not a type
writeOutput(arrayNew(1, true).getMetadata().datatype & "<br>");
grid = [];
arraySet(grid, 1, 3, ["x"]);
grid[2][1] = "changed";
writeOutput(serializeJSON(grid));
</cfscript>
