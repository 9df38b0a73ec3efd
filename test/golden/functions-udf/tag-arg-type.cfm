<cffunction name="f">
  <cfargument name="s" type="struct">
</cffunction>
<cfset f([1, 2])>
