<cfset x = 5><cfoutput>#x * 2# ##1</cfoutput>
