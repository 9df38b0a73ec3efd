<!--- lsIsDate and lsParseDateTime read dates the locale's way (order and month names from ICU),
      with the locale argument or the request's; the forms every locale reads still work. --->
<cfscript>
writeOutput("lsIsDate: " & lsIsDate("05.03.2024", "de_DE") & " " & lsIsDate("31.02.2024", "de_DE") & " " & lsIsDate("5. März 2024", "de_DE") & " " & lsIsDate("x") & " " & lsIsDate("2024-01-01") & " " & lsIsDate("March 5, 2024") & "<br>");
writeOutput("lsParseDateTime: " & dateFormat(lsParseDateTime("05.03.2024", "de_DE"), "yyyy-mm-dd") & " " & dateFormat(lsParseDateTime("05/03/2024", "en_GB"), "yyyy-mm-dd") & " " & dateFormat(lsParseDateTime("05/03/2024"), "yyyy-mm-dd") & " " & dateTimeFormat(lsParseDateTime("5 mars 2024 10:15", "fr_FR"), "yyyy-mm-dd HH:nn") & "<br>");
setLocale("de_DE");
writeOutput("request locale: " & lsIsDate("24.12.2024") & " " & dateFormat(lsParseDateTime("24.12.2024"), "yyyy-mm-dd") & " " & dateFormat(lsParseDateTime("2024-12-24"), "yyyy-mm-dd"));
</cfscript>
