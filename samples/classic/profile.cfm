<cfset client.name = form.name>
<cfoutput><p>Saved #encodeForHTML(form.name)# (#encodeForHTML(form.age)#) for #encodeForHTML(getAuthUser())#.</p>
<p>Client variables: #getClientVariablesList()#</p>
<p><a href="index.cfm">Back</a></p></cfoutput>
