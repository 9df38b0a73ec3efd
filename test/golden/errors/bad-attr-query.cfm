<cfoutput query="notAQuery">x</cfoutput>
