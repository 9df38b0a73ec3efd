<cfset q = queryNew("id,name", "integer,varchar", [[1, "Ann"], [2, "Bob"], [3, "Cy"]])>
<cfoutput>#q.name# #q.name[2]# #q["name"][3]# #q["NAME"][1]# #q.recordCount# #q.columnList# #q.currentRow#
#valueList(q.name)# #listLen(q.columnList)#
<cfloop query="q">#q.currentRow#/#q.recordCount#:#q.name# </cfloop>
<cfset col = "id">#q[col][2]#
<cfset q.name[2] = "Bea">#q.name[2]#
</cfoutput>
<cfset e = queryNew("a")>
<cfoutput>[#e.recordCount#][#e.a#]<cfoutput query="e">never</cfoutput></cfoutput>
