<cfset q = queryNew("id,name", "integer,varchar", [[1, "Ann"], [2, "Bob"], [3, "Cy"], [4, "Di"], [5, "Ed"]])>
<cfoutput query="q">#currentRow#:#name#;</cfoutput>
<cfoutput query="q" startrow="2" maxrows="2">[#id# #q.name# #q.currentRow#]</cfoutput>
<cfoutput query="q" startrow="4">#name#,</cfoutput>
<cfoutput>after: #q.currentRow# #q.recordCount#</cfoutput>
<cfoutput>
outside query #q.name# and ##hash## and #q.name[3]#
</cfoutput>
