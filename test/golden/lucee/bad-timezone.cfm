<cfset setTimeZone("Mars/Olympus")>
