<cfscript>
function f() {
  var a = "va";
  local.b = "lb";
  c = "unscoped";
  return a & "," & b & "," & local.a;
}
writeOutput(f() & "|");
writeOutput(c & "|");
writeOutput(isDefined("a") & "," & isDefined("b") & "|");
// var outside a function declares a page variable
var top = "t";
writeOutput(variables.top & "|");
function g() {
  c = "changed by g";
  var c = "local c";
  return c;
}
writeOutput(g() & "," & c);
</cfscript>
