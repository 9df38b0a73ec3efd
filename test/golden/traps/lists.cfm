<cfset l = "a,,b,c,">
<cfoutput>#listLen(l)# #listGetAt(l, 2)# #listLen("a;b|c", ";|")# #listLen("a--b", "--")# #listLast("x.y.z", ".")#
#listAppend("a;b", "c", ";,")# #listFind("a,B,c", "b")# #listFindNoCase("a,B,c", "b")# #listContains("apple,pear", "ear")#
#listLen("")# #listLen(",,,")# #listFirst(",,first,")#
<cfloop list="1;2,3" delimiters=";," index="n">#n#</cfloop>
</cfoutput>
