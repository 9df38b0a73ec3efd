<cfset r = queryExecute("SELECT a FROM nothere", [], {dbtype: "query"})>
