<cfparam name="a" default="1">
<cfset b = "keep">
<cfparam name="b" default="changed">
<cfparam name="url.page" default="1" type="numeric">
<cfparam name="session.cart.items" default="#[]#">
<cfparam name="request.flag" type="boolean" default="no">
<cfparam name="c" type="email" default="ann@example.com">
<cfparam name="d" type="date" default="2024-01-05">
<cfoutput>#a# #b# #url.page# #isArray(session.cart.items)# #request.flag# #c# #d#</cfoutput>
