<cfscript>
mail = queryNew("id,subject,sender,size,folder", "integer,varchar,varchar,integer,varchar", [
  [1, "Hello there", "bob@x.org", 120, "INBOX"],
  [2, "Invoice 42", "acme@y.com", 4000, "INBOX"],
  [3, "hello again", "Bob@x.org", 300, "Archive"],
  [4, "Re: Invoice", "alice@z.net", 50, "INBOX"],
  [5, "Newsletter", "news@y.com", 9000, "Spam"]
]);
</cfscript>
<cfquery name="inbox" dbtype="query">
  SELECT id, subject AS title, size FROM mail
  WHERE folder = <cfqueryparam value="inbox" cfsqltype="cf_sql_varchar"> AND size > 60
  ORDER BY size DESC
</cfquery>
<cfoutput>#inbox.columnList# #inbox.recordCount# #valueList(inbox.title, "|")#</cfoutput>
<cfquery name="g" dbtype="query">
SELECT folder, COUNT(*) AS n, SUM(size) AS total, MAX(size) AS biggest FROM mail GROUP BY folder HAVING COUNT(*) >= 1 ORDER BY n DESC, folder
</cfquery>
<cfoutput><cfloop query="g">#folder#=#n#/#total#/#biggest# </cfloop></cfoutput>
<cfscript>
r = queryExecute("SELECT * FROM mail WHERE subject LIKE :s OR id IN (:ids)", {s: "%HELLO%", ids: {value: "4,5", list: true, cfsqltype: "integer"}}, {dbtype: "query"});
writeOutput(chr(10) & valueList(r.id));
r = queryExecute("SELECT DISTINCT LOWER(sender) AS s FROM mail WHERE sender NOT LIKE '%y.com' ORDER BY 1", [], {dbtype: "query"});
writeOutput(chr(10) & valueList(r.s));
r = queryExecute("SELECT COUNT(*) AS c, AVG(size) AS a FROM mail WHERE id > ?", [10], {dbtype: "query"});
writeOutput(chr(10) & r.c & "/" & r.a & "/" & r.recordCount);
r = queryExecute("SELECT TOP 2 id FROM mail ORDER BY id DESC", [], {dbtype: "query", returntype: "array"});
writeOutput(chr(10) & serializeJSON(r));
try { queryExecute("SELECT nope FROM mail", [], {dbtype: "query"}); } catch (any e) { writeOutput(chr(10) & e.message); }
try { queryExecute("SELECT * FROM mail"); } catch (any e) { writeOutput(chr(10) & e.message); }
</cfscript>
<cfscript>
// NULL cells, BETWEEN, LIKE escape and [sets], ORDER BY an alias, LIMIT/OFFSET, result info
n = queryNew("k,v", "varchar,integer");
queryAddRow(n, 4);
querySetCell(n, "k", "a_1", 1); querySetCell(n, "v", 5, 1);
querySetCell(n, "k", "ab1", 2); querySetCell(n, "v", 15, 2);
querySetCell(n, "k", "c%2", 3); querySetCell(n, "v", javaCast("null", ""), 3);
querySetCell(n, "k", "d9", 4); querySetCell(n, "v", 10, 4);
r = queryExecute("SELECT k FROM n WHERE v IS NULL", [], {dbtype: "query"});
writeOutput(chr(10) & valueList(r.k));
r = queryExecute("SELECT k FROM n WHERE v BETWEEN 5 AND 10 ORDER BY k DESC", [], {dbtype: "query"});
writeOutput(chr(10) & valueList(r.k));
r = queryExecute("SELECT k FROM n WHERE k LIKE 'a\_%' ESCAPE '\' OR k LIKE '[cd]_'", [], {dbtype: "query"});
writeOutput(chr(10) & valueList(r.k));
r = queryExecute("SELECT k, v * 2 AS dbl FROM n WHERE v IS NOT NULL ORDER BY dbl LIMIT 2 OFFSET 1", [], {dbtype: "query", result: "info"});
writeOutput(chr(10) & valueList(r.k) & " " & valueList(r.dbl) & " " & info.recordCount & " " & r.columnList);
r = queryExecute("SELECT k || '-' || v AS kv, UPPER(k) AS up FROM n WHERE NOT (v < 10) AND k <> 'zzz'", [], {dbtype: "query"});
writeOutput(chr(10) & valueList(r.kv) & " " & valueList(r.up));
</cfscript>
<cfset wanted = "ab1,d9">
<cfquery name="p" dbtype="query" maxrows="1">
  SELECT * FROM n WHERE k IN (<cfqueryparam value="#wanted#" list="true">) ORDER BY v
</cfquery>
<cfoutput>#p.recordCount# #p.k#</cfoutput>
