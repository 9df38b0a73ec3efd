<!--- custom tag: a form that collects its fields with cfassociate --->
<cfif thisTag.executionMode EQ "end"><cfoutput><form action="#attributes.action#"><cfloop array="#thisTag.fields#" item="f"><input name="#f.name#" value="#f.value#"></cfloop></form> list in end: #getBaseTagList()#</cfoutput></cfif>
