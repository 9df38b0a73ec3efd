<cfscript>
function f(required string a) { return a; }
f();
</cfscript>
