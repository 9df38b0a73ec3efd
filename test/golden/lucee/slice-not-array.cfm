<cfset s = {a: 1}>
<cfset x = s[1:2]>
