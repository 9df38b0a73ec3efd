<cfset q = queryNew("folder,subject", "varchar,varchar", [["INBOX","Hi"],["INBOX","Re: Hi"],["Archive","Old"],["INBOX","Later"]])>
<cfloop query="q" group="folder"><cfoutput>#folder#:</cfoutput><cfloop><cfoutput> #subject#(#currentRow#)</cfoutput></cfloop>;</cfloop>
<cfoutput>after: #q.currentRow#</cfoutput>
