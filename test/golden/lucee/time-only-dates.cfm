<!--- A time alone is a date: that time on day zero (30 December 1899). lsParseDateTime checks a leading weekday name against the date and reads "month/day" as this year only in en_US --->
<cfscript>
setTimeZone("UTC");
writeOutput(isDate("07:45") & " " & parseDateTime("07:45") & " " & parseDateTime("7:45:12 pm") & " " & isDate("7:45 xyz") & "<br>");
writeOutput(parseDateTime("09:15:00 GMT+2") & " " & timeFormat("18:05", "HH:mm") & "<br>");
writeOutput(lsParseDateTime("Dienstag, 3. März 2015", "de_DE") & " " & lsParseDateTime("mardi 3 mars 2015", "fr_FR") & "<br>");
try { lsParseDateTime("Mittwoch, 3. März 2015", "de_DE"); writeOutput("no error"); } catch (any e) { writeOutput("wrong weekday: error"); }
writeOutput("<br>" & (year(lsParseDateTime("3/14", "en_US")) == year(now())) & " " & month(lsParseDateTime("3/14", "en_US")) & " ");
try { lsParseDateTime("3/14", "de_DE"); writeOutput("no error"); } catch (any e) { writeOutput("de_DE: error"); }
</cfscript>
