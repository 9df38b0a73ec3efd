<!--- arraySplice without a length, or with -1, removes every element from the index on; another
      negative length removes nothing; the removed elements are returned. --->
<cfscript>
a = ["a", "b", "c", "d"]; r = arraySplice(a, 2);
writeOutput(arrayToList(a) & " / " & arrayToList(r) & chr(10));
a = ["a", "b", "c", "d"]; r = arraySplice(a, 3, -1);
writeOutput(arrayToList(a) & " / " & arrayToList(r) & chr(10));
a = ["a", "b", "c", "d"]; r = arraySplice(a, 2, -3);
writeOutput(arrayToList(a) & " / [" & arrayToList(r) & "]" & chr(10));
a = ["a", "b", "c", "d"]; r = a.splice(2, 1, ["x", "y"]);
writeOutput(arrayToList(a) & " / " & arrayToList(r) & chr(10));
</cfscript>
