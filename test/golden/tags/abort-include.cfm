<cftry><cfoutput>start </cfoutput><cfinclude template="_aborts.cfm"><cfcatch type="any">caught #cfcatch.message#</cfcatch></cftry>
never
