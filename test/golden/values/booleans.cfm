<cfoutput>
#true# #false# #1 EQ 1# #"yes" EQ true# #"NO" EQ false# #"true" AND "Yes"#
#isBoolean("yes")# #isBoolean("on")# #isBoolean(1)# #isBoolean("")#
#yesNoFormat(true)# #true & ""# #"x" & (1 LT 2)#
<cfif "YES">Y</cfif><cfif "No">N<cfelse>notN</cfif><cfif 0.5>half</cfif><cfif -1>neg</cfif>
#true + 1# #false * 3#
</cfoutput>
