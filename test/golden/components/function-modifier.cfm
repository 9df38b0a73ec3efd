<!--- A method's metadata has modifier: "final" (or "abstract") as declared, "" for none. --->
<cfscript>
for (f in getMetadata(new model.Modifiers()).functions) writeOutput(f.name & "=[" & f.modifier & "] " & f.access & chr(10));
</cfscript>
