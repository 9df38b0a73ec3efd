line one
<cfoutput>
  <cfif true>
    never closed
</cfoutput>
