<cfset b = [1,2]>
<cfoutput>#arrayLen(b[::0])#</cfoutput>
