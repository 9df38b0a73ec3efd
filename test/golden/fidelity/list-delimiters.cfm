<!--- Empty and multi-character delimiters in the list functions, script and member forms, cfloop. --->
<cfscript>
function show(a) { return serializeJSON(a); }
// an empty delimiter splits into characters; includeEmptyFields adds an empty item at each end (Lucee, as ACF)
writeOutput("toArray: " & show(listToArray("weak", "")) & " " & show(listToArray("ab", "", true)) & " " & show("hey".listToArray("")) & "<br>");
writeOutput("empty list: " & show(listToArray("", ",")) & " " & show(listToArray("", ",", true)) & " " & show(listToArray("", "")) & "<br>");
writeOutput("by char: " & listChangeDelims("abc", "-", "") & " " & listSort("dcab", "text", "asc", "") & " " & listQualify("ab", "'", "") & " " & listValueCount("banana", "a", "") & " " & listRemoveDuplicates("aabbc", "") & " " & listAvg("123", "") & "<br>");
writeOutput("contains: " & listContains("abc", "c", "") & " " & listContainsNoCase("abc", "B", "") & " " & listIndexExists("abc", 3, "") & " " & listIndexExists("abc", 4, "") & "<br>");
// listFind skips empty items by walking the delimiters: with none, the list is one item
writeOutput("find: " & listFind("weak", "e", "") & " " & listFind("weak", "weak", "") & " " & listFindNoCase("weak", "E", "", true) & "<br>");
// listFirst / listLast / listRest read an empty delimiter as the comma
writeOutput("first/last/rest: " & listFirst("a,b,c", "") & " " & listLast("a,b,c", "") & " " & listRest("a,b,c", "") & "<br>");
// the positional functions take the whole string as one item
writeOutput("positional: " & listLen("weak", "") & " " & listGetAt("weak", 1, "") & " " & listAppend("ab", "c", "") & "<br>");
// the iteration functions split the same way
out = [];
listEach("xyz", function(c, i) { out.append(i & c); }, "");
writeOutput("each: " & arrayToList(out) & " " & listMap("abc", function(c) { return uCase(c); }, "") & " " & "abc".listFilter(function(c) { return c != "b"; }, "") & " " & listReduce("123", function(acc, c) { return acc + c; }, 0, "") & "<br>");

// a multi-character delimiter: a set of characters unless multiCharacterDelimiter=true
writeOutput("multi: " & show(listToArray("a::b:c", "::")) & " " & show(listToArray("a::b:c", "::", false, true)) & " " & show(listToArray("a::::b", "::", true, true)) & "<br>");
writeOutput("multi contains: " & listContains("ab::cd", "b:c", "::", false, false) & " " & listContains("ab::cd", "cd", "::", false, true) & " " & listContainsNoCase("x--Y", "y", "--", false, true) & "<br>");
writeOutput("multi others: " & listChangeDelims("1-*2-*3", ",", "-*", false, true) & " " & listAvg("2<>4", "<>", true) & " " & listCompact("--a--", "--", true) & " " & "a;;b".listMap(function(x) { return x & x; }, ";;") & "<br>");
</cfscript>
<cfloop list="cat" delimiters="" index="ch"><cfoutput>[#ch#]</cfoutput></cfloop>
<cfloop list="a,,b" index="it"><cfoutput>(#it#)</cfoutput></cfloop>
