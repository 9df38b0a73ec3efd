<!--- Ends the session: the credentials are dropped with it and the id is never valid again. --->
<cfset sessionInvalidate()>
<cflocation url="index.cfm" addtoken="false">
