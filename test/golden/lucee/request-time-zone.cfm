<!--- The request's time zone (setTimeZone) is the wall clock every date function, cast and print reads in --->
<cfscript>
setTimeZone("Asia/Tokyo");
noon = createDateTime(2021, 3, 14, 12, 30, 0);
writeOutput("tokyo: #noon# #getTimeZone()# #dateTimeFormat(noon, 'yyyy-mm-dd HH:nn Z')# #timeFormat(noon, 'HH:mm XXX')# hour=#hour(noon)#<br>");
// the same instant on another wall clock
setTimeZone("America/New_York");
writeOutput("new york: #noon# #dateFormat(noon, 'z')# #dateTimeFormat(noon, 'HH:nn XX')# day=#day(noon)# hour=#hour(noon)#<br>");
// a date string is read on the request's wall clock
s = "2021-03-14 01:30:00";
writeOutput("parsed: #dateTimeFormat(s, 'HH:nn Z')#<br>");
// dateAdd by days keeps the time of day across the DST change (14 March 2021 in New York)
writeOutput("day later: #dateAdd('d', 1, s)# hours between: #dateDiff('h', s, dateAdd('d', 1, s))#<br>");
// numbers are days on the wall clock
writeOutput("as number: #numberFormat(createDateTime(1900, 1, 1, 6, 0, 0) + 0, '9.99')#<br>");
// a time zone argument beats the request's
writeOutput("argument: #dateTimeFormat(noon, 'HH:nn', 'UTC')# #hour(noon, 'UTC')#<br>");
setTimeZone("UTC");
writeOutput("utc: #noon# #createDate(2021, 3, 14)#<br>");
</cfscript>
