<cfscript>
s = new model.Square();
writeOutput(s.describe() & chr(10));
b = new model.Shape();
writeOutput(b.describe() & chr(10));
writeOutput(isInstanceOf(s, "Shape") & " " & isInstanceOf(s, "model.Square") & " " & isInstanceOf(b, "Square") & chr(10));
</cfscript>
