<!--- replace: a callback gets the match, its 0-based offset and the string; a scope other than
      "all" replaces once; a struct of pairs is replaced in one pass, so a replacement is not
      replaced again. replaceList's fourth and fifth arguments are the delimiters of list1 and of
      list2 (list2 takes list1's by default); pairs are applied one after the other. --->
<cfscript>
writeOutput(replace("abcd123efgh123", "123", function(find, index, input) { return "-" & index & "-"; }, "all") & chr(10));
writeOutput(replace("xaxa", "a", "o", "other") & chr(10));
writeOutput(replace("Susi Sorglos", {"Susi": "Sorglos", "Sorglos": "Susi"}) & chr(10));
writeOutput(replaceList("The brown dog", "dog:brown", "-cat-red", ":", "-", false) & chr(10));
writeOutput(replaceList("a;b", "a;b", "1;2", ";") & chr(10));
</cfscript>
