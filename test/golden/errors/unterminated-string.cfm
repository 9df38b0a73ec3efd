<cfoutput>#"unterminated</cfoutput>
