<cftry>
  <cfset p = new model.Person("Ada")>
  <cfoutput>#p.describe()#</cfoutput>
  <cfcatch type="expression">
    <cfoutput>#cfcatch.type#: #cfcatch.message#
</cfoutput>
  </cfcatch>
</cftry>
<cftry>
  <cfoutput>#p.packaged()#</cfoutput>
  <cfcatch><cfoutput>#cfcatch.detail#
</cfoutput></cfcatch>
</cftry>
<cfoutput>#structKeyExists(p, "describe")# #structKeyExists(p, "greet")#
</cfoutput>
