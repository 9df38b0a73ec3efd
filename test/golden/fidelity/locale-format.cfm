<!--- The LS functions honour their locale argument and setLocale(); formats come from ICU.
      setLocale returns the previous locale; getLocale names it as Lucee 7 does (en_US). --->
<cfscript>
writeOutput("argument: " & lsCurrencyFormat(1234.5, "local", "de_DE") & " | " & lsCurrencyFormat(1234.5, "local", "en_GB") & " | " & lsCurrencyFormat(1234.5) & " | " & lsCurrencyFormat(1234.5, "international", "fr_FR") & " | " & lsCurrencyFormat(-1234.5, "none", "de_DE") & "<br>");
writeOutput("numbers: " & lsNumberFormat(1234567.891, ",.99", "de_DE") & " | " & lsNumberFormat(1234567.891, ",.99", "fr_FR") & " | " & lsParseNumber("1.234,5", "de_DE") & " | " & lsIsNumeric("1.234,5", "de_DE") & " " & lsIsNumeric("1.234,5", "en_US") & "<br>");
writeOutput("currency: " & lsParseCurrency("1.234,50 €", "de_DE") & " | " & lsParseCurrency("(£3.10)", "en_GB") & " | " & lsIsCurrency("12,00 €", "de_DE") & " " & lsIsCurrency("abc", "de_DE") & " | " & lsEuroCurrencyFormat(3, "local", "fr_FR") & "<br>");
d = createDateTime(2024, 3, 5, 14, 30, 0);
writeOutput("dates: " & lsDateFormat(d, "long", "de_DE") & " | " & lsDateFormat(d, "long", "fr_FR") & " | " & lsTimeFormat(d, "short", "de_DE") & " | " & monthAsString(3, "es_ES") & "<br>");

writeOutput("locale: " & getLocale());
previous = setLocale("de_DE");
writeOutput(" -> " & previous & " -> " & getLocale() & "<br>");
writeOutput("request locale: " & lsCurrencyFormat(5) & " | " & lsNumberFormat(1234.5, ",.00") & " | " & lsParseNumber("2,5") & " | " & lsDateFormat(d, "full") & " | " & lsDateTimeFormat(d, "short") & " | " & dayOfWeekAsString(1) & "<br>");
writeOutput("members: " & (1234.5).lsCurrencyFormat() & " | " & d.lsDateFormat("medium") & " | " & (7).lsNumberFormat("9.99", "en_US") & "<br>");
writeOutput("names: " & setLocale("german (swiss)") & " -> " & getLocale() & " " & lsCurrencyFormat(1234.5) & " | " & setLocale("en-GB") & " -> " & getLocale() & "<br>");
</cfscript>
<cfset setLocale("fr_FR")>
<cfoutput>tag: #lsCurrencyFormat(9.9)# #lsDateFormat(d, "medium")# #getLocale()#</cfoutput>
