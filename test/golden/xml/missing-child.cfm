<cfset doc = xmlParse("<a><b/></a>")>
<cfoutput>#doc.a.c.xmlText#</cfoutput>
