<cf_guarded failAt="start">body A</cf_guarded>
<cf_guarded failAt="body">body B<cfthrow message="body failed"></cf_guarded>
<cf_guarded failAt="end">body C</cf_guarded>
<cf_guarded failAt="none">body D</cf_guarded>
<cftry><cf_guarded failAt="end" rethrow="yes">body E</cf_guarded><cfcatch type="Custom.End"><cfoutput>[caught #cfcatch.message#]</cfoutput></cfcatch></cftry>
