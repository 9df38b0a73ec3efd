<cfobject component="model.Counter" name="c">
<cfinvoke component="#c#" method="increment" by="2">
<cfinvoke component="#c#" method="increment">
  <cfinvokeargument name="by" value="3">
</cfinvoke>
<cfinvoke component="#c#" method="getCount" returnvariable="n">
<cfinvoke component="model.Counter" method="getCount" returnvariable="z" argumentcollection="#{}#">
<cfoutput>#n# #z# #isObject(c)# #isObject({})#
</cfoutput>
