<cfscript>
queryExecute("CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(50), price NUMERIC(8,2), added DATE)");
for (i = 1; i <= 5; i++) {
  queryExecute("INSERT INTO items (id, title, price, added) VALUES (?, ?, ?, ?)",
    [i, "item #i#", {value: i * 1.5, cfsqltype: "cf_sql_decimal", scale: 2}, {value: createDate(2024, 1, i), cfsqltype: "cf_sql_date"}]);
}
q = queryExecute("SELECT id, title, price, added FROM items WHERE id > :min AND title <> :t ORDER BY id",
  {min: {value: 1, cfsqltype: "cf_sql_integer"}, t: "item 3"}, {result: "r"});
writeOutput("named: " & valueList(q.id) & " / " & r.recordCount & " / " & r.sql & chr(10));
writeOutput("params: " & serializeJSON(r.sqlParameters) & chr(10));
writeOutput("dates: " & dateFormat(q.added[1], "yyyy-mm-dd") & " " & isDate(q.added[2]) & chr(10));
a = queryExecute("SELECT title FROM items WHERE id IN (?) ORDER BY id", [{value: "2,4", list: true, cfsqltype: "cf_sql_integer"}], {returntype: "array"});
writeOutput("array: " & serializeJSON(a) & chr(10));
s = queryExecute("SELECT id, title FROM items ORDER BY id", [], {returntype: "struct", columnKey: "title"});
writeOutput("struct: " & s["item 5"].id & chr(10));
m = queryExecute("SELECT id FROM items ORDER BY id", {}, {maxrows: 2});
writeOutput("maxrows: " & m.recordCount & chr(10));
// :: is a cast, ':' inside a string literal is text, not a parameter
c = queryExecute("SELECT COUNT(*) AS n FROM items WHERE title <> 'a:b' AND title = :t", {t: "item 1"});
writeOutput("literal colon: " & c.n & chr(10));
// a statement that returns no rows
u = queryExecute("DELETE FROM items WHERE id = ?", [5], {result: "d"});
writeOutput("delete: " & d.recordCount & chr(10));
// NULL reads as an empty string
queryExecute("INSERT INTO items (id, title) VALUES (?, ?)", [9, {null: true}]);
n = queryExecute("SELECT title, price FROM items WHERE id = 9");
writeOutput("null: [" & n.title & "][" & n.price & "] " & len(n.title) & chr(10));
// a function that runs a query, called inside an expression
function countItems() { return queryExecute("SELECT COUNT(*) AS n FROM items").n; }
writeOutput("in expression: " & (countItems() + 100) & chr(10));
try {
  queryExecute("SELECT * FROM items WHERE id = ? AND id = ?", [1]);
} catch (any e) {
  writeOutput("too few: " & e.type & chr(10));
}
try {
  queryExecute("SELECT * FROM items WHERE id = :nope", {id: 1});
} catch (any e) {
  writeOutput("missing name: " & e.message & chr(10));
}
</cfscript>
