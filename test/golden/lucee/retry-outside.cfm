<cfscript>
x = 1;
retry;
</cfscript>
