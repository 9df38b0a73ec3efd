<cf_fixed size="3"/>
<cf_fixed size="4" color="blue"/>
<cftry><cf_fixed color="blue"/><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry>
<cftry><cf_fixed size="x"/><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry>
<cftry><cf_fixed size="1" shape="round"/><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry>
