<!--- custom tag: called as cfmodule name="widgets.forms.input" and template= --->
<cfif thisTag.executionMode EQ "start"><cfoutput><input name="#attributes.field#" data-list="#getBaseTagList()#" keys="#listSort(structKeyList(attributes), 'textnocase')#"></cfoutput><cfelse><cfoutput>(closed: #trim(thisTag.generatedContent)#)</cfoutput><cfset thisTag.generatedContent = ""></cfif>
