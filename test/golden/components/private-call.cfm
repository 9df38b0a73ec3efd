<cfset p = new model.Person("Ada")>
<cfoutput>#p.describe()#</cfoutput>
