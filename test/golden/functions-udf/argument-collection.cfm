<cfscript>
function f(a, b) { return a & "-" & b & "-" & arguments.len(); }
// a struct collection passes by name, an array collection by position
writeOutput(f(argumentCollection={b: "B", a: "A"}) & "|");
writeOutput(f(argumentCollection=[1, 2]) & "|");
writeOutput(f(argumentCollection=[1, 2, 3]) & "|");
function g() { return arguments.len() & ":" & structKeyList(arguments); }
writeOutput(g(argumentCollection={x: 1}));
</cfscript>
