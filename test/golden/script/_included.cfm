<cfset fromInclude = "set in include">
<cfoutput>[include sees #shared#]</cfoutput>
