<!--- The arguments scope is also an array: declared parameters first, then the other arguments in
      call order, named or positional, addressable by position and usable by the array functions. --->
<cfscript>
function count() { return arrayLen(arguments); }
function firstOf() { return arguments[1]; }
function pair(a, b) { return serializeJSON([arguments[1] ?: "-", arguments[2] ?: "-", arguments[3] ?: "-"]) & " n=" & arrayLen(arguments); }
function rewrite() { arguments[1] = "changed"; return arguments.word; }

writeOutput("named: " & count(a = "w") & " " & firstOf(a = "w") & " " & firstOf(x = 1, y = 2) & "<br>");
writeOutput("positional: " & count() & " " & count(1, 2, 3) & " " & firstOf("p") & "<br>");
// declared parameters keep their place whatever order the call names them in; extras follow in call order
writeOutput("declared: " & pair(b = 2, c = 3, a = 1) & " / " & pair(b = 2) & " / " & pair(1, 2, 3) & "<br>");
writeOutput("write by position: " & rewrite(word = "orig") & "<br>");

function kinds() {
  return isArray(arguments) & " " & isStruct(arguments) & " " & isValid("array", arguments) & " " & arrayToList(arguments, "-") & " " & arguments.len();
}
writeOutput("as array: " & kinds(x = "a", y = "b") & "<br>");
shout = function() { return arguments.map(function(k, v) { return uCase(v); }).reduce(function(acc, k, v) { return acc & v; }, ""); };
joined = (word) => arrayToList(arguments, "+");
writeOutput("closures: " & joined(word = "one", more = "two") & " " & shout(s = "x", t = "y") & "<br>");
</cfscript>
<cffunction name="tagged">
  <cfreturn arrayLen(arguments) & ":" & arguments[1] & ":" & arguments[2]>
</cffunction>
<cfoutput>tag function: #tagged(first = "one", second = "two")#</cfoutput>
