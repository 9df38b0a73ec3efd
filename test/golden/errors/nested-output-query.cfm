<cfset q = queryNew("a", "varchar", [["x"], ["y"]])>
<cfoutput query="q">
<cfoutput query="q">nested</cfoutput>
</cfoutput>
