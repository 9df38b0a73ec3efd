<cfcomponent output="false" hint="A person written with tags">
  <cfproperty name="name" type="string">
  <cfset variables.greeting = "Hello, I am">
  <cffunction name="init" access="public" returntype="any" output="false">
    <cfargument name="name" type="string" required="true">
    <cfset variables.name = arguments.name>
    <cfreturn this>
  </cffunction>
  <cffunction name="greet" access="public" returntype="string" output="false">
    <cfreturn variables.greeting & " " & variables.name & " (" & describe() & ")">
  </cffunction>
  <cffunction name="describe" access="private" returntype="string" output="false">
    <cfreturn "tags">
  </cffunction>
</cfcomponent>
