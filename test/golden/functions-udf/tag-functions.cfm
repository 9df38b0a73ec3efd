<cfoutput>#hello("World")#</cfoutput>
<cffunction name="hello" returntype="string" output="false">
  <cfargument name="who" type="string" required="true">
  <cfargument name="punct" type="string" default="!">
  this text is suppressed
  <cfset var greeting = "Hello, " & arguments.who & punct>
  <cfreturn greeting>
</cffunction>
<cffunction name="noisy" output="true">
  <cfargument name="n">
Noisy #n#
</cffunction>
<cfset noisy(5)>
[<cfoutput>#hello(who="A", punct="?")#</cfoutput>]
<cffunction name="plain">
<cfargument name="n">
plain #n#
<cfreturn n + 1>
</cffunction>
<cfset r = plain(1)>
<cfoutput>r=#r#</cfoutput>
<cffunction name="sum" returntype="numeric">
  <cfset var total = 0>
  <cfloop from="1" to="#arrayLen(arguments)#" index="i"><cfset total += arguments[i]></cfloop>
  <cfreturn total>
</cffunction>
<cfoutput>#sum(1, 2, 3)# #arraySum(argsOf(4, 5))#</cfoutput>
<cffunction name="argsOf"><cfreturn arguments></cffunction>
