<cfscript>
cfheader("X-Test", "1");
</cfscript>
