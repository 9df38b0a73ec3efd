<cfscript>
function f() {
  leaked = "yes";
  var kept = "no";
  local.also = "L";
  return kept & also & local.kept;
}
writeOutput(f() & ":" & leaked & ":" & isDefined("kept") & ":" & isDefined("also") & "|");
// each call gets a fresh local scope
function counter() { var n = 0; n++; return n; }
writeOutput(counter() & counter() & "|");
// recursion keeps the locals of each level apart
function depth(n) { var here = n; if (n > 0) depth(n - 1); return here; }
writeOutput(depth(3) & "|");
// functions are values in the variables scope
writeOutput(structKeyExists(variables, "counter") & "," & isCustomFunction(variables.counter));
</cfscript>
