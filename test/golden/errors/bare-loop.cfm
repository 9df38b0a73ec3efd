<cfloop>never</cfloop>
