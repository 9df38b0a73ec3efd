<cfset s = {}>
<cfoutput>#s.missing#</cfoutput>
