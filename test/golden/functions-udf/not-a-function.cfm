<cfscript>
x = 1;
x();
</cfscript>
