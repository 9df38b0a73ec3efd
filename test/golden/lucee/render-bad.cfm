<cfset render("<cfif>yes</cfif>")>
