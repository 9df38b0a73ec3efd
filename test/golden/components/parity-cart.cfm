<cfscript>
for (kind in ["ScriptCart", "TagCart"]) {
  c = createObject("component", "model." & kind).init("Ada");
  c.add("apple", 2).add("pear");
  writeOutput(c.count() & " | " & c.summary() & " | " & c.setOwner("Bob").getOwner() & " | ");
  g = new "model.#kind#"();
  writeOutput(g.getOwner() & " | ");
  try { c.secret(); } catch (any e) { writeOutput(e.message.replace(kind, "X")); }
  m = getMetadata(c);
  writeOutput(" | " & m.hint & " " & arrayLen(m.functions) & " " & m.properties[1].name & " " & m.properties[1].default & chr(10));
}
</cfscript>
