<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">CREATE TABLE c (id INTEGER PRIMARY KEY)</cfquery>
<cfquery datasource="main">INSERT INTO c (id) VALUES (1)</cfquery>
<cfquery name="a" datasource="main" cachedwithin="#createTimeSpan(0, 0, 10, 0)#" result="r1">SELECT id FROM c ORDER BY id</cfquery>
<cfquery datasource="main">INSERT INTO c (id) VALUES (2)</cfquery>
<cfquery name="b" datasource="main" cachedwithin="#createTimeSpan(0, 0, 10, 0)#" result="r2">SELECT id FROM c ORDER BY id</cfquery>
<cfquery name="fresh" datasource="main">SELECT id FROM c ORDER BY id</cfquery>
<cfoutput>first cached=#r1.cached# rows=#a.recordCount#
second cached=#r2.cached# rows=#b.recordCount#
fresh rows=#fresh.recordCount#
</cfoutput>
<!--- a cached query handed out is a copy: changing it leaves the cache alone --->
<cfset querySetCell(b, "id", 99, 1)>
<cfquery name="b2" datasource="main" cachedwithin="#createTimeSpan(0, 0, 10, 0)#">SELECT id FROM c ORDER BY id</cfquery>
<cfoutput>copy: #b2.id#
</cfoutput>
<cfquery name="rq" datasource="main" cachedwithin="request">SELECT COUNT(*) AS n FROM c</cfquery>
<cfquery datasource="main">INSERT INTO c (id) VALUES (3)</cfquery>
<cfquery name="rq2" datasource="main" cachedwithin="request" result="r3">SELECT COUNT(*) AS n FROM c</cfquery>
<cfoutput>request: #rq2.n# cached=#r3.cached#
</cfoutput>
