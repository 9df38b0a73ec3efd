ok
<cfoutput>#alsoUndefined#</cfoutput>
