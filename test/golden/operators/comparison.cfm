<cfset a = 5><cfset b = 3>
<cfoutput>
#a EQ 5# #a IS 5# #a EQUAL 5# #a == 5# #a === 5#
#a NEQ b# #a IS NOT b# #a NOT EQUAL b# #a != b# #a <> b#
#a GT b# #a GREATER THAN b# #a > b#
#a GTE 5# #a GE 5# #a GREATER THAN OR EQUAL TO 5# #a >= 6#
#b LT a# #b LESS THAN a# #b < a#
#b LTE 3# #b LE 2# #b LESS THAN OR EQUAL TO 3# #b <= 3#
#"Hello World" CONTAINS "world"# #"abc" CT "x"# #"abc" DOES NOT CONTAIN "x"# #"abc" NCT "b"#
#"abc" eq "ABC"# #"01" eq "1"# #"1.0" == 1# #"a" lt "B"# #"10" gt "9"# #"abc" == "abd"#
</cfoutput>
<cfif a gt b and b lt a>word ops in cfif</cfif>
