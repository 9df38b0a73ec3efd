<cfset fromB = "B"><cfoutput>in B</cfoutput>
