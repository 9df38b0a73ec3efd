<cfscript>
p = new model.Polite();
writeOutput(p.greet() & " " & isInstanceOf(p, "IGreeter") & " " & isInstanceOf(p, "model.IGreeter") & chr(10));
try { i = new model.IGreeter(); } catch (any e) { writeOutput(e.message & chr(10)); }
try { b = new model.Broken(); } catch (any e) { writeOutput(e.message & chr(10)); }
</cfscript>
