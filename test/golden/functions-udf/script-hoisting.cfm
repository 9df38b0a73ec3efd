<cfscript>
// functions declared inside blocks that never run are still defined before the page runs
writeOutput(inWhile() & inCase() & inIf() & inTry() & "|");
while (false) { function inWhile() { return "w"; } }
switch (1) { case 2: function inCase() { return "c"; } }
if (false) { function inIf() { return "i"; } }
try { function inTry() { return "t"; } } catch (any e) {}
writeOutput(later());
</cfscript>
<cfscript>
function later() { return "from a later cfscript block"; }
</cfscript>
