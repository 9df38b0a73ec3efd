<cfset x = "abc".replaceAll("(", "")>
