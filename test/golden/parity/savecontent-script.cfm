<cfscript>savecontent variable="html" { writeOutput("<b>#uCase("bold")#</b>"); } param name="url.page" default="1"; writeOutput("#len(html)#:#html#|page #url.page#");</cfscript>
