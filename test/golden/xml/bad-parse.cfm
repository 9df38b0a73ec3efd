<cfset doc = xmlParse("<a>
<b></a>")>
