<cfsilent>
  <cfset x = 1>
  <cfoutput>hidden #x#</cfoutput>
  text
</cfsilent>
<cfoutput>x=#x#</cfoutput>
