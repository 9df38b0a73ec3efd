<cfset callerValue = "page value"><cfset own = "page's own">
<cf_setvars n="21"><cf_setvars n="4">
<cfoutput>#fromTag# | #indexed# | #dyn_21# #dyn_4# | #own# | request.count=#request.count# | #seenOwnBefore#</cfoutput>
<cffunction name="inFunction"><cfset var callerValue = "local value"><cfset var indexed = 0><cf_setvars n="5"><cfreturn "#fromTag# / local indexed=#indexed#"></cffunction>
<cfoutput>#inFunction()# / page indexed=#indexed#</cfoutput>
