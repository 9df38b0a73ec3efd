<cfset i = 5>
<cfset j = i++>
<cfset k = ++i>
<cfset m = i-->
<cfset n = --i>
<cfoutput>#i# #j# #k# #m# #n#</cfoutput>
<cfset x = 10><cfset x += 5><cfset x -= 3><cfset x *= 2><cfset x /= 4>
<cfset s = "a"><cfset s &= "b"><cfset s &= 1 + 1>
<cfset st = {count: 1}><cfset st.count++><cfset st.count += 10><cfset arr = [1]><cfset arr[1] *= 7>
<cfoutput>#x# #s# #st.count# #arr[1]#</cfoutput>
<cfset a = b = 3>
<cfoutput>#a# #b#</cfoutput>
<cfoutput>#i++# #i# #++i#</cfoutput>
