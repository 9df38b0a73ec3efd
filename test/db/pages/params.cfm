<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">
  CREATE TABLE vals (id INTEGER PRIMARY KEY, s VARCHAR(100), c CHAR(3), t TEXT, i INTEGER, b BIGINT, n NUMERIC(12,3), f FLOAT, d DOUBLE PRECISION, dt DATE, ts TIMESTAMP, bt SMALLINT)
</cfquery>
<cfquery datasource="main">
  INSERT INTO vals (id, s, c, t, i, b, n, f, d, dt, ts, bt) VALUES (
    <cfqueryparam value="1" cfsqltype="cf_sql_integer">,
    <cfqueryparam value="héllo wörld ✓" cfsqltype="cf_sql_varchar">,
    <cfqueryparam value="abc" cfsqltype="cf_sql_char">,
    <cfqueryparam value="#repeatString('long ', 100)#" cfsqltype="cf_sql_longvarchar">,
    <cfqueryparam value="-42" cfsqltype="cf_sql_integer">,
    <cfqueryparam value="9007199254740991" cfsqltype="cf_sql_bigint">,
    <cfqueryparam value="3.14159" cfsqltype="cf_sql_decimal" scale="3">,
    <cfqueryparam value="0.5" cfsqltype="cf_sql_float">,
    <cfqueryparam value="1.25" cfsqltype="cf_sql_double">,
    <cfqueryparam value="#createDate(2024, 2, 29)#" cfsqltype="cf_sql_date">,
    <cfqueryparam value="#createDateTime(2024, 3, 1, 13, 45, 30)#" cfsqltype="cf_sql_timestamp">,
    <cfqueryparam value="yes" cfsqltype="cf_sql_bit">)
</cfquery>
<cfquery datasource="main">
  INSERT INTO vals (id, s) VALUES (<cfqueryparam value="2" cfsqltype="cf_sql_integer">, <cfqueryparam null="true" cfsqltype="cf_sql_varchar">)
</cfquery>
<cfquery name="q" datasource="main">SELECT * FROM vals ORDER BY id</cfquery>
<cfoutput>s=#q.s# len(t)=#len(q.t)# c=#q.c# i=#q.i# b=#q.b# n=#q.n# f=#q.f# d=#q.d# bt=#q.bt#
dt=#dateFormat(q.dt, "yyyy-mm-dd")# isDate=#isDate(q.dt)# ts=#dateTimeFormat(q.ts, "yyyy-mm-dd HH:nn:ss")#
row2: s=[#q.s[2]#] i=[#q.i[2]#] dt=[#q.dt[2]#]
</cfoutput>
<!--- list="true" with numbers and strings --->
<cfquery name="l" datasource="main">SELECT id FROM vals WHERE id IN (<cfqueryparam value="1,2,3" cfsqltype="cf_sql_integer" list="true">) ORDER BY id</cfquery>
<cfoutput>list: #valueList(l.id)#
</cfoutput>
<cfquery name="l" datasource="main">SELECT id FROM vals WHERE c IN (<cfqueryparam value="abc|xyz" cfsqltype="cf_sql_char" list="true" separator="|">)</cfquery>
<cfoutput>list sep: #valueList(l.id)#
</cfoutput>
<cfquery name="l" datasource="main">SELECT id FROM vals WHERE id IN (<cfqueryparam value="" cfsqltype="cf_sql_integer" list="true">)</cfquery>
<cfoutput>empty list: #l.recordCount#
</cfoutput>
<!--- a date given as a string, a time --->
<cfquery name="w" datasource="main">SELECT id FROM vals WHERE dt = <cfqueryparam value="2024-02-29" cfsqltype="cf_sql_date"></cfquery>
<cfoutput>date string: #w.recordCount#
</cfoutput>
<!--- Lucee's validation: each bad value is an error before anything is sent --->
<cfset bad = [["abc", "cf_sql_integer"], ["", "cf_sql_numeric"], ["not a date", "cf_sql_timestamp"], ["maybe", "cf_sql_bit"], ["3000000000", "cf_sql_integer"], ["x", "cf_sql_idstamp"], ["1", "cf_sql_nonsense"]]>
<cfloop array="#bad#" index="b">
  <cftry>
    <cfquery datasource="main">SELECT id FROM vals WHERE s = <cfqueryparam value="#b[1]#" cfsqltype="#b[2]#"></cfquery>
    <cfoutput>#b[2]#: no error
</cfoutput>
    <cfcatch><cfoutput>#b[2]#: #cfcatch.type# - #cfcatch.message#
</cfoutput></cfcatch>
  </cftry>
</cfloop>
<cftry>
  <cfquery datasource="main">SELECT id FROM vals WHERE s = <cfqueryparam value="toolong" cfsqltype="cf_sql_varchar" maxlength="3"></cfquery>
  <cfcatch><cfoutput>maxlength: #cfcatch.message#
</cfoutput></cfcatch>
</cftry>
<cfquery name="cnt" datasource="main">SELECT COUNT(*) AS n FROM vals</cfquery>
<cfoutput>rows: #cnt.n#
</cfoutput>
