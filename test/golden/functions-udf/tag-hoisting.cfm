<!--- functions declared in tags and in cfscript are all defined before the page runs --->
<cfoutput>#fromScript(2)# #fromTag(3)#</cfoutput>
<cfif false>
  <cffunction name="insideIf" output="false"><cfreturn "hoisted from a cfif that never runs"></cffunction>
</cfif>
<cfoutput>#insideIf()#</cfoutput>
<cfscript>
function fromScript(n) { return fromTag(n) * 10; }
</cfscript>
<cffunction name="fromTag" output="false">
  <cfargument name="n" type="numeric" required="true">
  <cfreturn n + 1>
</cffunction>
