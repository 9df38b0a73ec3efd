<cfscript>
p = new model.Person("Ada");
writeOutput(p.greet() & chr(10));
t = new model.TagPerson("Ada");
writeOutput(t.greet() & chr(10));
c = createObject("component", "model.Person");
writeOutput(isNull(c.getName()) & chr(10));
c.init("Grace");
writeOutput(c.greet() & chr(10));
n = new "model.Person"(name = "Lin");
writeOutput(n.greet() & chr(10));
</cfscript>
