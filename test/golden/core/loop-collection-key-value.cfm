<!--- Collection loops take key= and value= as the other names of index= and item=, and struct= as the other name of collection= --->
<cfset stock = [pears: 4, plums: 9]>
<cfloop collection="#stock#" key="fruit" value="count"><cfoutput>#fruit#=#count#;</cfoutput></cfloop>
<cfloop struct="#stock#" index="fruit" item="count"><cfoutput>#fruit#:#count#;</cfoutput></cfloop>
<cfscript>
loop collection=stock key="local.k" item="local.v" { writeOutput("[#k# #v#]"); }
// one variable alone gets the key
loop collection=stock value="only" { writeOutput("(#only#)"); }
</cfscript>
