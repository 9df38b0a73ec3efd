<cfset a = 1>
<cfoutput>
  #a# and #undefinedThing#
</cfoutput>
