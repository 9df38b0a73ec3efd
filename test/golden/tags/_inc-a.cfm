<cfset fromA = "A saw " & who>
<cfoutput>in A (#who#)</cfoutput>
<cfinclude template="inc/_inc-b.cfm">
<cffunction name="shout"><cfargument name="s"><cfreturn uCase(s) & "!"></cffunction>
