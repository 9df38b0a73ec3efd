<cfset name = "Ann">
<cfsavecontent variable="html"><cfoutput><b>#name#</b></cfoutput></cfsavecontent>
<cfsavecontent variable="request.block">
  plain #name#
</cfsavecontent>
<cfsavecontent variable="html" append="true">+more</cfsavecontent>
<cfoutput>[#html#][#request.block#][#len(request.block)#]</cfoutput>
