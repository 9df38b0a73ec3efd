<cfscript>
p = new model.Person("Ada");
p.setAge(36);
m = getMetadata(p);
writeOutput(m.name & " | " & m.hint & " | " & m.author & " | " & m.accessors & " | " & arrayLen(m.functions) & " | " & m.properties[2].name & chr(10));
cm = getComponentMetadata("model.Square");
writeOutput(cm.name & " extends " & cm.extends.name & chr(10));
writeOutput(serializeJSON(p) & chr(10));
d = duplicate(p);
d.setAge(1);
writeOutput(p.getAge() & " " & d.getAge() & " " & (d === p) & " " & isInstanceOf(d, "Person") & chr(10));
c = new model.Counter();
keys = [];
for (k in c) arrayAppend(keys, k);
writeOutput(arrayToList(keys) & chr(10));
s = {owner: p};
writeOutput(s.owner.greet() & " " & isValid("component", p) & " " & isValid("component", s) & chr(10));
writeDump(var = new model.Counter(), format = "text");
</cfscript>
