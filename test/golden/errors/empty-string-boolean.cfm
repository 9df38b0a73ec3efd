<cfif "">x</cfif>
