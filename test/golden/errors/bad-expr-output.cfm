<cfoutput>
  ok #1 + # here
</cfoutput>
