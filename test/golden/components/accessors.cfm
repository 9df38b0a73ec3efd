<cfscript>
p = new model.Person("Ada");
r = p.setName("Ada Lovelace").setAge(36);
writeOutput(p.getName() & " " & p.getAge() & " " & p.getNickname() & chr(10));
writeOutput((r === p) & chr(10));
writeOutput(structKeyExists(p, "setNickname") & " " & structKeyExists(p, "getNickname") & chr(10));
try {
  p.setAge("old");
} catch (any e) {
  writeOutput(e.message & chr(10));
}
</cfscript>
