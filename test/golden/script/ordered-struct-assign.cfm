<!--- An ordered struct literal takes key = value as well as key: value, also mixed: [a: 1, b = 2]. --->
<cfscript>
x = [ a: 1, b = 2, "c" = 3 ];
writeOutput(serializeJSON(x) & " " & structKeyList(x) & chr(10));
y = [ z = 1, a = 2 ];
writeOutput(structKeyList(y) & chr(10));
</cfscript>
