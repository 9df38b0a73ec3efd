<!--- Named arguments may be separated by blanks alone, as Lucee's tags called from script
      are often written: cfsavecontent(variable="x" trim=true). Positional arguments still need commas. --->
<cfscript>
function pair() { return arguments.a & "/" & arguments.b; }
writeOutput(pair(a=1 b=2) & " " & pair(a="x", b="y") & chr(10));
cfsavecontent(variable="saved" trim=true) { writeOutput("  kept  "); }
writeOutput("[" & saved & "]" & chr(10));
try { evaluate("max(1 2)"); } catch (any e) { writeOutput("positional: " & e.message & chr(10)); }
</cfscript>
