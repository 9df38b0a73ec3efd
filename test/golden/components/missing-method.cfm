<cfscript>
p = new model.Person("Ada");
p.fly();
</cfscript>
