<cfif true>
  x
</cfloop>
