<cfset who = "page">
<cfinclude template="_inc-a.cfm">
<cfoutput>back: #fromA# #fromB# #shout("x")#</cfoutput>
<cfinclude template="inc/_inc-sub.cfm">
<cfoutput>#sub#</cfoutput>
