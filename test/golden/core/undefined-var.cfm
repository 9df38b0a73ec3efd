a
<cfoutput>#nope#</cfoutput>
