<!--- A component written as <cfscript>component {}</cfscript>; invoke() by name with a struct,
      an array or no arguments; a component invokes its own private method; "" names a page
      function; cffunction keeps attributes it does not know as metadata. --->
<cfscript>
function twice(x) { return x * 2; }
o = new model.ScriptInBlock();
writeOutput(o.hello() & chr(10));
writeOutput(invoke(o, "hello") & chr(10));
writeOutput(o.viaInvoke(7) & chr(10));
writeOutput(invoke("", "twice", {x: 21}) & chr(10));
writeOutput(invoke("", "twice", [5]) & chr(10));
try { invoke(o, "secret", [1]); } catch (any e) { writeOutput("private from outside: " & e.message & chr(10)); }
md = getMetadata(new model.TagMeta()).functions[1];
writeOutput(md.localmode & " " & md.mylabel & " " & new model.TagMeta().tagged() & chr(10));
</cfscript>
