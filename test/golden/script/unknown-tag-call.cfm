<cfscript>
cfnosuchtag(a=1);
</cfscript>
