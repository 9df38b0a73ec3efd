<cfset x = 5>
Outside cfoutput #x# and ## stay verbatim.
<cfoutput>Inside: #x# ##literal## #"str #x# ##"# #'single #x#'#</cfoutput>
<cfset y = "#dateFormat(createDate(2024, 3, 9), "yyyy")#">
<cfset z = '#x# is #x * 2#'>
<cfset w = "a ""quoted"" #x#">
<cfset v = "#"inner "" q"#">
<cfoutput>#y# #z# #w# #v# #x##x# #len("##")#</cfoutput>
<cfoutput><a href="page.cfm?id=#x#">link ###x#</a> <font color="##ff0000">red</font></cfoutput>
<cfset list = "a,b"><cfoutput>#listLen(list)##listLen(list)#</cfoutput>
