<cfset greeting = "Hello">
<cfparam name="url.name" default="World">
<cfoutput>#greeting#, #url.name#! Today is #dateFormat(now(), "dddd, mmmm d, yyyy")#.</cfoutput>
