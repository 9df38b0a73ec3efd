<!--- A tag island: template code between ``` inside script runs in place, with the script's variables --->
<cfscript>
price = 40;
```
<cfset total = price * 3>
<cfoutput><b>#total#</b></cfoutput>
<cfloop list="x,y" index="letter"><cfoutput>[#letter#]</cfoutput></cfloop>
```
writeOutput(" total=" & total);
function label(n) {
	```<cfreturn "n#n#">```
}
writeOutput(" " & label(7));
// backticks inside a string are text
writeOutput(" " & "``` not an island ```");
</cfscript>
