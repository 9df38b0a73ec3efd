<cfset a = 0>
<cfset b = 10 / a>
