<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50), secret VARCHAR(50))</cfquery>
<cfquery datasource="main">INSERT INTO users (id, name, secret) VALUES (1, 'alice', 's1')</cfquery>
<cfquery datasource="main">INSERT INTO users (id, name, secret) VALUES (2, 'bob', 's2')</cfquery>
<cfparam name="url.name" default="x' OR '1'='1">
<!--- #var# in the SQL: single quotes are doubled, so the value stays inside its literal --->
<cfquery name="q" datasource="main">SELECT * FROM users WHERE name = '#url.name#'</cfquery>
<cfoutput>hash: #q.recordCount#
</cfoutput>
<cfquery name="q" datasource="main">SELECT * FROM users WHERE name = <cfqueryparam value="#url.name#" cfsqltype="cf_sql_varchar"></cfquery>
<cfoutput>param: #q.recordCount#
</cfoutput>
<cfquery name="q" datasource="main">SELECT * FROM users WHERE name IN (<cfqueryparam value="#url.name#" cfsqltype="cf_sql_varchar" list="true">)</cfquery>
<cfoutput>list: #q.recordCount#
</cfoutput>
<cfset q = queryExecute("SELECT * FROM users WHERE name = ?", [url.name])>
<cfoutput>queryExecute: #q.recordCount#
</cfoutput>
<cfset q = queryExecute("SELECT * FROM users WHERE name = :n", {n: url.name})>
<cfoutput>named: #q.recordCount#
</cfoutput>
<!--- a quote-free attack on a number column: a param refuses it --->
<cftry>
  <cfquery name="q" datasource="main">SELECT * FROM users WHERE id = <cfqueryparam value="1 OR 1=1" cfsqltype="cf_sql_integer"></cfquery>
  <cfoutput>int: #q.recordCount#
</cfoutput>
  <cfcatch><cfoutput>int: #cfcatch.type#
</cfoutput></cfcatch>
</cftry>
<!--- stacked statements through a value change nothing --->
<cfset evil = "x'; DELETE FROM users; --">
<cfquery name="q" datasource="main">SELECT * FROM users WHERE name = '#evil#'</cfquery>
<cfquery name="q" datasource="main">SELECT * FROM users WHERE name = <cfqueryparam value="#evil#"></cfquery>
<cfquery name="all" datasource="main">SELECT COUNT(*) AS n FROM users</cfquery>
<cfoutput>users left: #all.n#
</cfoutput>
<!--- a value with quotes round-trips --->
<cfset o = "O'Brien">
<cfquery datasource="main">INSERT INTO users (id, name) VALUES (3, '#o#')</cfquery>
<cfquery name="q" datasource="main">SELECT name FROM users WHERE name = '#o#'</cfquery>
<cfoutput>quoted: #q.name#
</cfoutput>
<!--- preserveSingleQuotes keeps SQL built by the page --->
<cfset cond = "name = 'bob'">
<cfquery name="q" datasource="main">SELECT id FROM users WHERE #preserveSingleQuotes(cond)#</cfquery>
<cfoutput>preserved: #q.id#
</cfoutput>
<cftry>
  <cfquery name="q" datasource="main">SELECT id FROM users WHERE #cond#</cfquery>
  <cfoutput>escaped: #q.recordCount#
</cfoutput>
  <cfcatch><cfoutput>escaped: #cfcatch.type#
</cfoutput></cfcatch>
</cftry>
