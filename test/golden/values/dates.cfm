<cfset d = createDateTime(2024, 1, 5, 10, 30, 0)>
<cfoutput>#d#
#createDate(2024, 2, 29)#
#createODBCDateTime(d)#
#dateFormat(d, "yyyy-mm-dd")# #timeFormat(d, "HH:mm")#
#d EQ "2024-01-05 10:30:00"# #d LT createDate(2024, 1, 6)# #dateAdd("d", 1, d)#
#isDate("2024-01-05")# #year("2024-01-05")#
</cfoutput>
