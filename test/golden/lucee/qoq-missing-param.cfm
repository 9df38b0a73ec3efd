<cfset q = queryNew("a", "integer", [[1]])>
<cfset r = queryExecute("SELECT a FROM q WHERE a = ? OR a = ?", [1], {dbtype: "query"})>
