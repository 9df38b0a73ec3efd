<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10) NOT NULL)</cfquery>
<cfquery datasource="main">INSERT INTO t (id, v) VALUES (1, 'a')</cfquery>
<cftry>
  <cfquery datasource="main">SELECT nope FROM t WHERE id = <cfqueryparam value="1" cfsqltype="cf_sql_integer"></cfquery>
  <cfcatch type="database">
    <cfoutput>type=#cfcatch.type# sql=#cfcatch.sql# where=#cfcatch.where#
hasState=#len(cfcatch.sqlState) eq 5# hasMessage=#len(cfcatch.message) gt 0# queryError=#cfcatch.queryError eq cfcatch.message# numeric=#isNumeric(cfcatch.nativeErrorCode)# datasource=#cfcatch.datasource#
</cfoutput>
  </cfcatch>
</cftry>
<cftry>
  <cfquery datasource="main">INSERT INTO t (id, v) VALUES (<cfqueryparam value="1" cfsqltype="cf_sql_integer">, 'dup')</cfquery>
  <cfcatch type="database"><cfoutput>duplicate: #cfcatch.type# class23=#left(cfcatch.sqlState, 2) eq "23"#
</cfoutput></cfcatch>
</cftry>
<cftry>
  <cfquery datasource="nowhere">SELECT 1</cfquery>
  <cfcatch type="database"><cfoutput>unknown: #cfcatch.message#
</cfoutput></cfcatch>
</cftry>
<cftry>
  <cfstoredproc procedure="p" datasource="main"></cfstoredproc>
  <cfcatch type="database"><cfoutput>storedproc: #cfcatch.message#
</cfoutput></cfcatch>
</cftry>
<cftry>
  <cfset queryExecute("SELEC 1")>
  <cfcatch type="any"><cfoutput>syntax: #cfcatch.type# #cfcatch.sql#
</cfoutput></cfcatch>
</cftry>
<!--- the query of queries is unchanged --->
<cfquery name="src" datasource="main">SELECT id, v FROM t</cfquery>
<cfquery name="qq" dbtype="query">SELECT v FROM src WHERE id = <cfqueryparam value="1" cfsqltype="cf_sql_integer"></cfquery>
<cfoutput>qoq: #qq.v#
</cfoutput>
