<cfset x = 5>
<cfset y = #x#>
<cfset z = "#x#">
<cfset s = {}>
<cfset a = []>
<cfset s.name = "Ann">
<cfset t.inner.deep = 1>
<cfset b["Key"] = 2>
<cfset c = {a: 1, "b" = 2, 'C': 3}>
<cfset arr = [1, "two", [3, 4]]>
<cfset arr[5] = "five">
<cfset m.list[2] = "x">
<CFSET Upper = "u">
<cfset variables.scoped = "v">
<cfset n = {outer: {inner: [10, 20]}}>
<cfset n.outer.inner[2] += 1>
<cfoutput>#y# #z# #isStruct(s)# #isArray(a)# #s.name# #t.inner.deep# #isStruct(t.inner)# #b.key#
#listSort(structKeyList(c), "textnocase")# #arrayLen(arr)# #arr[3][2]# #arr[5]# #arrayIsDefined(arr, 4)#
#isStruct(m)# #isArray(m.list)# #upper# #scoped# #n.outer.inner[2]#</cfoutput>
