<!--- An error inside a tag island points at its line in the file --->
<cfscript>
a = 1;
```
<cfset b = missingVariable>
```
</cfscript>
