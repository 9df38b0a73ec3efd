<cfset x = 1>
<cfif x EQ>yes</cfif>
