<cfscript>
p = new model.Person("Ada");
p.setAge("old");
</cfscript>
