<cfscript>
function g() {
  try { writeOutput("body;"); return "ret"; } finally { writeOutput("finally;"); }
}
writeOutput(g() & "|");
function h() {
  for (i = 1; i <= 3; i++) {
    try { if (i == 2) continue; if (i == 3) break; writeOutput("i" & i); } finally { writeOutput("f" & i); }
  }
  return "done";
}
writeOutput(h() & "|");
function k() {
  try { throw(message="inner"); } catch (any e) { return "caught " & e.message; } finally { writeOutput("k-finally;"); }
}
writeOutput(k() & "|");
try {
  try { throw(message="escapes"); } finally { writeOutput("finally-before-outer;"); }
} catch (any e) { writeOutput("outer:" & e.message & "|"); }
try { writeOutput("before abort;"); abort; } finally { writeOutput("finally after abort"); }
writeOutput("never");
</cfscript>
never
