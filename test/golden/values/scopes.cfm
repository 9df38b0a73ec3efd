<!--- url: name=World&page=2 --->
<cfoutput>
#url.name# #name# #url.page + 1# #structKeyExists(url, "name")#
[#cgi.http_x_nothing_here#] [#cgi.nope#]
#server.coldfusion.productname NEQ ""# #structKeyExists(server, "lucee")#
#variables.keyExists("name")#
</cfoutput>
<cfset request.x = 1><cfset variables.y = 2><cfset z = 3>
<cfoutput>#request.x# #y# #variables.z# #structKeyExists(variables, "Z")#</cfoutput>
