<cfscript>
function f() { return nope(1); }
f();
</cfscript>
