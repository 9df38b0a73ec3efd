<!--- A number after a dot is a key: row.3.name reads key "3" (the lexer sees ".3" as a number) --->
<cfscript>
rows = {"3": {name: "third", "9": "ninth"}};
writeOutput(rows.3.name & "," & rows.3.9 & ",");
rows.12 = "twelve";
writeOutput(rows.12 & "," & listSort(structKeyList(rows), "text") & ",");
// a leading-dot number elsewhere is still a number
writeOutput((2 + .5) & "," & [.75][1]);
</cfscript>
