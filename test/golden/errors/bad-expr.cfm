<cfset a = 1>
<cfset b = (a + * 2)>
