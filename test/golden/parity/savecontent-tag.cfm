<cfsavecontent variable="html"><cfoutput><b>#uCase("bold")#</b></cfoutput></cfsavecontent><cfparam name="url.page" default="1"><cfoutput>#len(html)#:#html#|page #url.page#</cfoutput>
