<cfscript>
function inner() { throw(type="Deep.Error", message="deep", errorCode="D1", extendedInfo="x"); }
function middle() { inner(); }
try {
  middle();
} catch (Deep e) {
  writeOutput(e.type & "|" & e.message & "|" & e.errorCode & "|" & e.extendedInfo & "|" & arrayLen(e.tagContext) & "|");
  writeOutput(e.tagContext[1].line & "," & e.tagContext[2].line & "," & e.tagContext[3].line & "|");
  writeOutput(structKeyExists(e.tagContext[1], "template") & "," & structKeyExists(e.tagContext[1], "column"));
}
writeOutput("|");
// a rethrown error keeps its type and message
try {
  try { x = [1, 2][5]; } catch (any e) { rethrow; }
} catch (expression e) { writeOutput("rethrown:" & e.type); }
writeOutput("|");
// throw(object=...) rethrows a caught error value
try {
  try { throw(type="Orig", message="original"); } catch (any e) { saved = e; }
  throw(object=saved);
} catch (Orig e) { writeOutput("object:" & e.message); }
writeOutput("|");
// an error in a catch block replaces the first one; finally still runs
try {
  try { throw(message="first"); } catch (any e) { throw(message="second"); } finally { writeOutput("fin;"); }
} catch (any e) { writeOutput(e.message); }
</cfscript>
