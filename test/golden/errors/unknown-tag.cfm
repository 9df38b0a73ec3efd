<cfoutput>
  <cfbogus attr="1">
</cfoutput>
