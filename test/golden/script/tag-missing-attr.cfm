<cfscript>
x = 1;
include;
</cfscript>
