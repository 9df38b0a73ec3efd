<cfset t = true><cfset f = false><cfset a = 1><cfset b = 2>
<cfoutput>
#NOT a EQ b# #!a == b# #not t# #!f# #NOT f AND f#
#t AND f# #t && f# #t OR f# #f || f# #t XOR f# #t XOR t#
#t EQV t# #t EQV f# #f EQV f# #t IMP f# #f IMP f# #t IMP t#
#f OR t AND f# #t OR f EQV f#
#"yes" AND "no"# #1 AND 0#
</cfoutput>
<cfif NOT a EQ b>not binds looser</cfif>
