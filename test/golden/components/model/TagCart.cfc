<cfcomponent accessors="true" output="false" hint="A cart">
  <cfproperty name="owner" type="string" default="nobody">
  <cfset variables.items = []>
  <cffunction name="init" output="false">
    <cfargument name="owner" type="string" default="guest">
    <cfset setOwner(arguments.owner)>
    <cfreturn this>
  </cffunction>
  <cffunction name="add" access="public" returntype="any" output="false">
    <cfargument name="item" type="string" required="true">
    <cfargument name="qty" type="numeric" default="1">
    <cfset arrayAppend(variables.items, qty & "x " & item)>
    <cfreturn this>
  </cffunction>
  <cffunction name="count" access="public" returntype="numeric" output="false">
    <cfreturn arrayLen(variables.items)>
  </cffunction>
  <cffunction name="summary" access="public" returntype="string" output="false">
    <cfreturn getOwner() & ": " & arrayToList(variables.items, ", ") & " (" & secret() & ")">
  </cffunction>
  <cffunction name="secret" access="private" returntype="string" output="false">
    <cfreturn "private ok">
  </cffunction>
</cfcomponent>
