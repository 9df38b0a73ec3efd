<cfoutput>
#"a" & "b" EQ "ab"# #1 + 1 EQ 2# #NOT 1 + 1 EQ 3# #2 * 3 EQ 6 AND 1 LT 2#
#true OR false AND false# #(true OR false) AND false# #false AND true OR true#
#true XOR true OR true# #1 EQ 1 EQV 2 EQ 2# #false IMP false EQV false#
#"x" & 2 ^ 2# #10 MOD 3 + 1# #-2 + 3 * -1#
#1 LT 2 ? "y" : "n"# #0 ?: 5#
</cfoutput>
