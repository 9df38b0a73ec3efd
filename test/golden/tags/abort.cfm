<cfoutput>before</cfoutput>
<cfloop from="1" to="5" index="i"><cfoutput>#i#</cfoutput><cfif i EQ 2><cfabort></cfif></cfloop>
after abort, never printed
<cfoutput>never</cfoutput>
