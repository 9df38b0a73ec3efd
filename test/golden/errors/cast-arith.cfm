<cfset x = "abc" + 1>
