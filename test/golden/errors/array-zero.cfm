<cfset a = [1, 2]>
<cfoutput>#a[0]#</cfoutput>
