<cfscript>
// Lucee's script parser also skips CFML comments <!--- ---> (they nest), like // and /* */.
x = 1;
<!--- x = 2; <!--- nested ---> x = 3; --->
y = x <!--- inside an expression ---> + 1;
writeOutput(x & y);
</cfscript>
