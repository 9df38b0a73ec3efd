<!--- Shared page header: the including page sets variables.pageTitle (and optionally request.nav) first. --->
<cfparam name="variables.pageTitle" default="Untitled">
<cfparam name="request.nav" default="#['Home', 'About']#">
<cfoutput><!DOCTYPE html>
<html><head><title>#htmlEditFormat(pageTitle)# | Samples</title></head>
<body>
<nav><cfloop array="#request.nav#" index="i" item="label"><cfif i GT 1> | </cfif><a href="#lCase(label)#.cfm"<cfif label EQ pageTitle> class="current"</cfif>>#label#</a></cfloop></nav>
<h1>#htmlEditFormat(pageTitle)#</h1>
</cfoutput>
