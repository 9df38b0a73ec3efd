<!--- getApplicationSettings() outside an application still tells the request's locale and time zone, that full null support is off, and has empty mappings --->
<cfscript>
setLocale("de_AT");
setTimeZone("Asia/Kolkata");
s = getApplicationSettings();
writeOutput(s.locale & " " & s.timezone & " " & s.nullSupport & " " & structCount(s.mappings) & " " & arrayLen(s.customTagPaths));
</cfscript>
