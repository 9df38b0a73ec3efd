<!--- Checks the credentials against the server, then keeps them in the session only. --->
<cfparam name="form.server" default="">
<cfparam name="form.port" default="143">
<cfparam name="form.secure" default="no">
<cfparam name="form.username" default="">
<cfparam name="form.password" default="">
<cfset imap = {server: form.server, port: form.port, secure: form.secure, username: form.username, password: form.password}>
<cfset ok = false>
<cftry>
  <cfimap action="listAllFolders" attributeCollection="#imap#" name="folders">
  <cfset ok = true>
  <cfcatch type="any">
    <cfset session.loginError = "Login failed: " & cfcatch.message>
  </cfcatch>
</cftry>
<cfif ok>
  <!--- a new session id at login: an id seen before login is worth nothing after it --->
  <cfset sessionRotate()>
  <cfset session.csrf = generateSecretKey("AES")>
  <cfset session.imap = imap>
  <cflocation url="mailbox.cfm" addtoken="false">
</cfif>
<cflocation url="index.cfm" addtoken="false">
