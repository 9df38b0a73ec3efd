<!--- A page built from includes: it passes its title and menu to the shared header through the variables and request scopes. --->
<cfset pageTitle = "About">
<cfset request.nav = ["Home", "About", "Contact"]>
<cfinclude template="_header.cfm">
<p>This site is rendered by <cfoutput>#server.coldfusion.productname EQ "" ? "?" : "a CFML engine"#</cfoutput>.</p>
<cfinclude template="_footer.cfm">
