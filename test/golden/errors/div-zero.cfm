<cfoutput>#1 / 0#</cfoutput>
