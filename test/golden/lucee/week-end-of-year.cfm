<!--- week() counts the last days of December in their own year: the week that holds 1 January of the next year is week 53 (or 54) there, not week 1 --->
<cfoutput>
#week(createDate(2015, 12, 26))# #week(createDate(2015, 12, 27))# #week(createDate(2015, 12, 31))# #week(createDate(2016, 1, 1))#
#datePart("ww", createDate(2015, 12, 31))# #week(createDate(2016, 12, 31))# #week(createDate(2011, 12, 31))#
</cfoutput>
