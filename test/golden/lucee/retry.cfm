<!--- cfretry / script retry re-run the try block; cfcatch is visible in a script catch too --->
<cfset tries = 0><cftry><cfset tries++><cfif tries LT 3><cfthrow message="try #tries#"></cfif><cfoutput>done after #tries#</cfoutput><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput><cfretry></cfcatch></cftry>
<cfscript>
n = 0;
try {
  n++;
  if (n < 3) throw(message="m#n#");
  writeOutput("ok#n#");
} catch (any e) {
  writeOutput("(" & cfcatch.message & "=" & e.message & ")");
  retry;
}
writeOutput(" cfcatch after: " & isDefined("cfcatch"));
// retry inside a nested try's body belongs to the outer catch
k = 0;
try {
  k++;
  if (k < 2) throw(message="outer");
  writeOutput(" k=#k#");
} catch (any e) {
  try { retry; } catch (any inner) { writeOutput("not here"); }
}
</cfscript>
