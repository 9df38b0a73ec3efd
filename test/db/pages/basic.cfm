<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">
  CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, born DATE, score NUMERIC(10,2), note VARCHAR(200))
</cfquery>
<cfset rows = [[1, "Ann", "1990-04-05", 12.5, "first"], [2, "Bob", "1985-12-31", 7, ""], [3, "Cy", "", 100.25, "third"]]>
<cfloop array="#rows#" index="r">
  <cfquery datasource="main">
    INSERT INTO people (id, name, born, score, note)
    VALUES (<cfqueryparam value="#r[1]#" cfsqltype="cf_sql_integer">,
            <cfqueryparam value="#r[2]#" cfsqltype="cf_sql_varchar">,
            <cfqueryparam value="#r[3]#" cfsqltype="cf_sql_date" null="#r[3] eq ''#">,
            <cfqueryparam value="#r[4]#" cfsqltype="cf_sql_numeric" scale="2">,
            <cfqueryparam value="#r[5]#" cfsqltype="cf_sql_varchar" null="#r[5] eq ''#">)
  </cfquery>
</cfloop>
<cfquery name="q" datasource="main">SELECT id, name, born, score, note FROM people ORDER BY id</cfquery>
<cfoutput>
count=#q.recordCount# columns=#lCase(q.columnList)#
<cfloop query="q">#q.currentRow#: #id# #name# born=[#isDate(born) ? dateFormat(born, "yyyy-mm-dd") : "none"#] score=#score# note=[#note#]
</cfloop>
sum=#arraySum(q.columnData("score"))#
first=#q.name[1]# last=#q.name[q.recordCount]#
</cfoutput>
<cfquery name="q2" datasource="main" maxrows="2">SELECT name FROM people ORDER BY id DESC</cfquery>
<cfoutput>maxrows: #valueList(q2.name)#
</cfoutput>
<cfquery name="q3" datasource="main">SELECT name FROM people WHERE id = -1</cfquery>
<cfoutput>empty: #q3.recordCount# [#lCase(q3.columnList)#]
</cfoutput>
<cfquery name="q4" datasource="main" result="res">UPDATE people SET score = score + 1 WHERE id > <cfqueryparam value="1" cfsqltype="cf_sql_integer"></cfquery>
<cfoutput>updated: #res.recordCount# sql=#res.sql# params=#serializeJSON(res.sqlParameters)#
</cfoutput>
<cfquery name="byId" datasource="main" returntype="struct" columnkey="id">SELECT id, name FROM people ORDER BY id</cfquery>
<cfoutput>struct: #byId[2].name# #structCount(byId)#
</cfoutput>
<cfquery name="arr" datasource="main" returntype="array">SELECT name FROM people ORDER BY id</cfquery>
<cfoutput>array: #arr.len()# #arr[3].name#
</cfoutput>
<cfquery name="agg" datasource="main">SELECT COUNT(*) AS n, MAX(score) AS top FROM people</cfquery>
<cfoutput>agg: #agg.n# #agg.top# #agg.n + 1#
</cfoutput>
