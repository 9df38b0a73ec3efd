<cfscript>
numeric function f() {
  return "abc";
}
f();
</cfscript>
