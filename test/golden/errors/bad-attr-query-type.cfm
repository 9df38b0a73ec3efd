<cfset notq = "str">
<cfloop query="notq">x</cfloop>
