<!--- The Elvis operator yields its right side when the left is null, undefined, or throws: a
      missing key, a failing built-in or member call, a UDF throwing at any depth. --->
<cfscript>
function boom() { throw(message = "nope", type = "Custom"); }
function deeper() { return boom(); }
empty = {};
writeOutput("function: " & (structFind({}, "nope") ?: "DEF") & " " & (empty.find("nope") ?: "member") & " " & (listGetAt("a,b", 9) ?: "list") & "<br>");
writeOutput("udf: " & (boom() ?: "thrown") & " " & (deeper() ?: "nested") & " " & ("x" & deeper() & "y" ?: "inside") & "<br>");
writeOutput("expressions: " & ([1, 2][5] ?: "index") & " " & (1 / 0 ?: "division") & " " & (no.such.var ?: "undefined") & " " & (empty.a.b ?: "chain") & "<br>");
writeOutput("values: " & ("kept" ?: "no") & " " & (0 ?: "no") & " " & ("" ?: "no") & " " & (javaCast("null", "") ?: "null") & "<br>");
// chained: the first side that neither fails nor is null wins
writeOutput("chained: " & (boom() ?: empty.x ?: "third") & "<br>");
// the right side is not protected
try {
  x = boom() ?: deeper();
} catch (Custom e) {
  writeOutput("right side throws: " & e.message & "<br>");
}
// an abort on the left still ends the page: only errors are absorbed
</cfscript>
<cfset fromTag = structFind(empty, "k") ?: "tag default">
<cfoutput>tag: #fromTag# #(deeper() ?: "in output")#</cfoutput>
<cfif (boom() ?: true)> condition</cfif>
<cfscript>
function stop() { abort; }
x = stop() ?: "never";
</cfscript>
not reached
