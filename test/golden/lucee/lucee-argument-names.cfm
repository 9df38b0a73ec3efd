<!--- Named arguments under the names Lucee's function library uses bind to the parameter at that position --->
<cfscript>
fruits = ["fig", "kiwi"];
writeOutput(arrayContains(haystack = fruits, needle = "kiwi") & " ");
writeOutput(structKeyExists(struct = {a: 1}, key = "a") & " ");
writeOutput(monthAsString(month = 4) & " " & val(value = "12abc") & " ");
writeOutput(hash(input = "x", algorithm = "md5") == hash("x") );
writeOutput(" " & len(value = "abcd") & " " & soundex(str = "Robert"));
try { len(nonsense = 1); } catch (any e) { writeOutput(" unknown name: " & e.message); }
</cfscript>
