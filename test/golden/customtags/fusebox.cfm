<!--- outside custom tags `attributes` is an ordinary variable (the Fusebox pattern) --->
<cfset attributes = structNew()>
<cfset structAppend(attributes, url)>
<cfset attributes.fuseaction = attributes.fuseaction ?: "home">
<cfset thisTag = "not a scope"><cfset caller = 1>
<cfoutput>#attributes.fuseaction# #variables.attributes.fuseaction# #structKeyExists(variables, "attributes")# #thisTag# #caller#</cfoutput>
