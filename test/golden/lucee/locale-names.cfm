<!--- Locale names: a language by its English name (any ICU knows) with an optional country name; LS date masks print the locale's month and weekday names --->
<cfscript>
writeOutput(monthAsString(3, "finnish") & " " & monthShortAsString(10, "czech") & " " & dayOfWeekAsString(2, "hungarian") & " " & monthAsString(5, "english (india)") & "<br>");
d = createDate(2019, 8, 6);
writeOutput(lsDateFormat(d, "dddd d. mmmm yyyy", "german (standard)") & " | " & lsDateFormat(d, "ddd mmm", "es_ES") & " | " & dateFormat(d, "mmmm") & "<br>");
writeOutput(lsDateTimeFormat(d, "EEEE MMMM", "french (standard)"));
</cfscript>
<cfscript>
// a date string given to an LS format function is read the locale's way: 03.02.2011 is 3 February in German
writeOutput("<br>" & lsDateFormat("03.02.2011", "mmmm d", "de_DE") & " " & lsDateFormat("03/02/2011", "mmmm d", "en_US"));
</cfscript>
