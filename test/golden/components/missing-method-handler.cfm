<cfscript>
p = new model.Proxy();
writeOutput(p.anything(1, 2) & chr(10));
writeOutput(p.other(a = 1) & chr(10));
</cfscript>
