<cfscript>
function args() {
  return arguments.len() & ":" & arguments[1] & ":" & arguments[2] & ":" & structCount(arguments);
}
writeOutput(args("a", "b") & "|");
function named(a, b) { return arguments[1] & "," & arguments.b & "," & structKeyExists(arguments, "a"); }
writeOutput(named(b="B", a="A") & "|");
function extra(a) { return a & "+" & arguments[2] & "+" & arguments.len(); }
writeOutput(extra(1, 2) & "|");
function missing(a, b) { return isNull(arguments.b) & "," & structKeyExists(arguments, "b") & "," & isDefined("arguments.b"); }
writeOutput(missing(1) & "|");
// arguments win over variables of the same name; assigning to an unscoped argument name changes the argument
x = "page x";
function shadow(x) { x = x & "!"; return x; }
writeOutput(shadow("arg x") & "," & x);
</cfscript>
