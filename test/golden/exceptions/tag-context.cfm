<cftry>
<cfinclude template="_lib.cfm">
<cfcatch>
<cfoutput>#cfcatch.type#: #cfcatch.message#
<cfloop array="#cfcatch.tagContext#" item="t">#getFileFromPath(t.template)#:#t.line#
</cfloop></cfoutput>
</cfcatch>
</cftry>
