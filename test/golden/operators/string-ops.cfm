<cfset first = "Ann"><cfset n = 3>
<cfoutput>
#first & " " & "Lee"# #n & n# #"5" & "3"# #"5" + "3"# #"2" * "4"# #"10" / "4"#
#"abc" CONTAINS ""# #"" CONTAINS "a"# #"aXb" contains "x"#
#"Price: " & n * 2 & " EUR"#
</cfoutput>
