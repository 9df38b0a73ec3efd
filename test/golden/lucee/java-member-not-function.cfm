<cfoutput>#startsWith("abc", "a")#</cfoutput>
