<cfset a = 5><cfset b = 3>
<cfif (a > b)>gt in parens</cfif>
<cfif (a >= 5) AND (b < 4)>gte and lt</cfif>
<cfif ((a > b) and (b > 1))>nested</cfif>
<cfset big = (a > b)><cfset s = "a>b"><cfset t = (len(s) > 2)>
<cfoutput>#big# #s# #t#</cfoutput>
<cfif a GT b>words</cfif>
