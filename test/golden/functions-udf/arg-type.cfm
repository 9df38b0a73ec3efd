<cfscript>
function f(numeric a) { return a; }
f("x");
</cfscript>
