<cfscript>
callerValue = "script page";
cf_layout(title = "Script") {
  writeOutput("<p>from script</p>");
}
cf_setvars n = 3;
writeOutput(" indexed=" & indexed);
</cfscript>
