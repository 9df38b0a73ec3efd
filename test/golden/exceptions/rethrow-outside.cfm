<cfscript>
rethrow;
</cfscript>
