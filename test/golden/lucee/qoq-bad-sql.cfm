<cfset q = queryNew("a", "integer", [[1]])>
<cfquery name="x" dbtype="query">
  SELECT a FROM q WHERE a = = 1
</cfquery>
