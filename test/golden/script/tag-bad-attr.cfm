<cfscript>
cfheader(nme="X", value="1");
</cfscript>
