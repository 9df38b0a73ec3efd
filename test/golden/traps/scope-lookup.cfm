<!--- url: name=fromUrl&only=urlOnly --->
<cfset name = "fromVariables">
<cfset q = queryNew("name,id", "varchar,integer", [["rowA", 1], ["rowB", 2]])>
<cfoutput>#name# #only#</cfoutput>
<cfoutput query="q">[#name# #variables.name# #url.name# #id#]</cfoutput>
<cfloop query="q"><cfoutput>(#name#)</cfoutput></cfloop>
<cfoutput>#name#</cfoutput>
<cffunction name="f"><cfargument name="name" default="fromArg"><cfset var local2 = "loc"><cfreturn name & "/" & local2 & "/" & variables.name></cffunction>
<cfoutput>#f()# #f("passed")#</cfoutput>
<cfoutput query="q"><cfset name2 = name>#name2#;</cfoutput>
