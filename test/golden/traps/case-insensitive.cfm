<CFSET MyVar = "v"><cfSet myvar2 = MYVAR>
<CFOUTPUT>#myvar# #MYVAR2# #UCase(myVar)# #ucase(MyVar)# #LEN(myvar)#</CFOUTPUT>
<CfIf myVar EQ "V" AnD TRUE>ci compare</CfIf>
<cfloop INDEX="i" FROM="1" TO="2"><cfoutput>#I#</cfoutput></cfloop>
<cfset S = {Key: 1}><cfoutput>#s.key# #S.KEY# #s["kEy"]# #Variables.S.Key# #VARIABLES.myvar#</cfoutput>
<cfoutput>#True# #FALSE# #NOT true#</cfoutput>
<CFPARAM Name="url.P" Default="d"><cfoutput>#URL.p#</cfoutput>
