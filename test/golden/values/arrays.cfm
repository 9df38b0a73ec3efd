<cfset a = ["x", "y", "z"]>
<cfset b = a>
<cfset arrayAppend(b, "w")>
<cfoutput>#a[1]# #a[arrayLen(a)]# #arrayLen(a)# #arrayToList(a)# #a.len()#
<cfloop from="1" to="#arrayLen(a)#" index="i">#i#:#a[i]# </cfloop>
#arrayLen([])# #isArray(a)# #serializeJSON([1, "a", true])#
</cfoutput>
