<cfoutput>#x</cfoutput>
