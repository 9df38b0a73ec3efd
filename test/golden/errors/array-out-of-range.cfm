<cfset a = [1, 2]>
<cfoutput>#a[3]#</cfoutput>
