<!--- A named argument of a built-in may use another name Lucee accepts for it: delimiter or delimiters, includeEmptyFields or includeEmptyValues, closure, callback or function, struct or structure. A name that means nothing is still an error. --->
<cfscript>
writeOutput(listLast(list="a;b;;", delimiter=";", includeEmptyFields=true) & "|");
writeOutput(listPrepend(list="b", value="a", delimiter=";") & "|");
writeOutput(arrayToList(arrayMap(array=[1,2], function=function(x){ return x * 2; })) & "|");
writeOutput(structCount(structure={a:1}) & "|");
try { listLast(list="a", nosuch=1); } catch (any e) { writeOutput(e.message); }
</cfscript>
