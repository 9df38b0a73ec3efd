<cfscript>
// arrayNew(2): assigning a[i][j] creates inner arrays
a = arrayNew(2);
a[1][1] = "x"; a[1][2] = "y"; a[2][1] = "z";
writeOutput(serializeJSON(a) & chr(10));
// a plain array still gets a struct (Lucee)
p = [];
p[1].k = 1;
writeOutput(serializeJSON(p) & chr(10));
// typed arrays: the type is accepted and reported by getMetadata
t = arrayNew["String"](1);
t.append("s");
writeOutput(serializeJSON(t.getMetadata()) & " " & serializeJSON(arrayGetMetadata([1])) & chr(10));
// slices: 1-based, end inclusive, negative positions from the end, negative step backwards
b = [1,2,3,4,5];
writeOutput(serializeJSON(b[2:4]) & serializeJSON(b[::-1]) & serializeJSON(b[:2]) & serializeJSON(b[-2:]) & serializeJSON(b[::2]) & serializeJSON(b[4:2:-1]) & serializeJSON(b[7:9]) & chr(10));
writeOutput(b[2] ? "t" : "f");
</cfscript>
