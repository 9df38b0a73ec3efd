<cfscript>
st = [:];
st.a = 1;
st["b"] = 2;
for (key in st) writeOutput(key & "=" & st[key] & ";");
writeOutput("|");
for (v in [10, 20, 30]) {
  if (v == 20) continue;
  writeOutput(v & ";");
}
writeOutput("|");
q = queryNew("id,name", "integer,varchar", [[1, "x"], [2, "y"]]);
for (row in q) writeOutput(row.id & row.name & ";");
writeOutput("|");
function keysOf(s) {
  var out = "";
  for (var k in s) out = listAppend(out, k);
  return out;
}
writeOutput(keysOf(st) & "|");
// the array is looped as it was when the loop started
arr = [1, 2];
for (x in arr) { arrayAppend(arr, x * 10); }
writeOutput(arrayToList(arr));
</cfscript>
