<cfset who = "world">
<cf_panel title="Hello"><cfoutput>hi #who#</cfoutput></cf_panel>
<cfoutput>[#panelCalls#]</cfoutput>
<cf_panel title="Hidden" show="false">never shown<cfset seen = true></cf_panel>
<cfoutput>[#isDefined("seen")#]</cfoutput>
<cf_panel title="Self"/>
<cfoutput>[#panelCalls#]</cfoutput>
<cf_panel title="No end tag">
<cfscript>
cf_panel(title = "Script") { writeOutput("from script"); }
</cfscript>
