<cfsetting enablecfoutputonly="true">
<!--- a database NULL reads as "" without full null support and as null with it (Lucee's rule) --->
<cfquery datasource="main">CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(20), seen DATE)</cfquery>
<cfquery datasource="main">INSERT INTO notes (id, body, seen) VALUES (1, 'kept', NULL)</cfquery>
<cfquery datasource="main">INSERT INTO notes (id, body, seen) VALUES (2, NULL, NULL)</cfquery>
<cfquery datasource="main">INSERT INTO notes (id, body, seen) VALUES (3, <cfqueryparam value="" null="true">, <cfqueryparam value="" cfsqltype="cf_sql_date" null="true">)</cfquery>
<cfquery name="q" datasource="main">SELECT id, body, seen FROM notes ORDER BY id</cfquery>
<cfoutput>without null support: settings=#getApplicationSettings().nullSupport#
<cfloop query="q">#id#: body=[#body#] null=#isNull(q.body[q.currentRow])# len=#len(q.seen[q.currentRow])#
</cfloop></cfoutput>
<cfset row = queryGetRow(q, 2)>
<cfoutput>row 2 keys: #structKeyExists(row, "body")#
</cfoutput>
<cfapplication name="db_nulls_#createUUID()#" nullSupport="true">
<cfset q = queryExecute("SELECT id, body, seen FROM notes ORDER BY id", [], {datasource: "main"})>
<cfoutput>with null support: settings=#getApplicationSettings().nullSupport#
<cfloop query="q">#id#: body=[#body#] null=#isNull(q.body[q.currentRow])# seenNull=#isNull(q.seen[q.currentRow])#
</cfloop></cfoutput>
<cfset row = queryGetRow(q, 2)>
<cfoutput>row 2 keys: #structKeyExists(row, "body")# #isNull(row.body)#
json: #serializeJSON(queryColumnData(q, "body"))#
</cfoutput>
<cfquery name="c" datasource="main">SELECT COUNT(*) AS n FROM notes WHERE body IS NULL</cfquery>
<cfoutput>null rows: #c.n#
</cfoutput>
