<cf_menu>ignored text<cf_item label="One"/><cf_item label="Two"/></cf_menu>
<cftry><cf_item label="Orphan"/><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry>
