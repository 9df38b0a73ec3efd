<cfset s = structNew("ordered")>
<cfset s.firstName = "Ann">
<cfset s["lastName"] = "Lee">
<cfset s['Mixed'] = 1>
<cfset key = "dynKey"><cfset s[key] = 2>
<cfoutput>#structKeyList(s)#
#serializeJSON(s)#
#s.FIRSTNAME# #s.lastname# #s["MIXED"]# #structKeyExists(s, "DYNKEY")#
</cfoutput>
<cfset lit = {camelCase: 1, "quotedCase": 2}>
<cfoutput>#listSort(structKeyList(lit), "textnocase")#</cfoutput>
<cfset s.firstname = "Changed">
<cfoutput>#structKeyList(s)# #s.firstName#</cfoutput>
