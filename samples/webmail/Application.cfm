<!---
  Webmail sample: every page runs inside this application. The IMAP server, user name and
  password live only in the session (server-side); the browser holds nothing but the CFID cookie.
--->
<cfapplication name="cfml-webmail" sessionmanagement="true" sessiontimeout="#createTimeSpan(0, 0, 30, 0)#"
               sessioncookie="#{httpOnly: true, sameSite: 'strict'}#">
<cfparam name="session.csrf" default="#generateSecretKey('AES')#">
<cfset thisPage = listLast(cgi.script_name, "/")>
<cfif not structKeyExists(session, "imap") and not listFindNoCase("index.cfm,login.cfm", thisPage)>
  <cflocation url="index.cfm" addtoken="false">
</cfif>
<!--- every POST must carry the session's token (a form of another site cannot) --->
<cfif cgi.request_method eq "POST" and (not structKeyExists(form, "csrf") or form.csrf neq session.csrf)>
  <cfheader statuscode="403">
  <cfoutput>Forbidden: the form expired, reload the page.</cfoutput>
  <cfabort>
</cfif>
