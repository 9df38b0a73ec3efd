<cfset r = arrayRange("a..b")>
