<!--- custom tag: used by layout-page.cfm --->
<cfparam name="attributes.title" default="Untitled">
<cfif thisTag.executionMode EQ "start"><cfoutput><html><head><title>#attributes.title#</title></head><body>
</cfoutput><cfelse><cfset thisTag.generatedContent = "<main>" & trim(thisTag.generatedContent) & "</main>"><cfoutput>
<footer>#attributes.title# (#thisTag.hasEndTag#)</footer></body></html></cfoutput></cfif>
