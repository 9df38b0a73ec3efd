<cfset c = "c">
