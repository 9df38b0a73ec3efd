<cfset a.b.c = 1>
<cfset arr = [1]>
<cfoutput>#isDefined("a")# #isDefined("a.b")# #isDefined("a.b.c")# #isDefined("a.b.d")# #isDefined("a.x.c")#
#isDefined("variables.a.b.c")# #isDefined("url.nope")# #isDefined("nope")# #isDefined("nope.deeper")#
#isDefined("arr")# #isDefined("A.B.C")# #isDefined("server.coldfusion.productname")#
</cfoutput>
