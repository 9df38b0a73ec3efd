<!--- A script .cfc may start with comments before `component`; `abstract component` / `final
      component` put the modifier into the component's metadata. --->
<cfscript>
m = getComponentMetadata("model.DocCommented");
writeOutput(m.modifier & " " & m.hint & " " & m.functions[1].name & chr(10));
</cfscript>
