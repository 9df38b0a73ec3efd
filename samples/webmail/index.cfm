<cfif structKeyExists(session, "imap")>
  <cflocation url="mailbox.cfm" addtoken="false">
</cfif>
<cfset pageTitle = "Log in">
<cfinclude template="_header.cfm">
<section>
  <h1>Log in to your mailbox</h1>
  <cfif structKeyExists(session, "loginError")>
    <cfoutput><p class="error" id="login-error">#encodeForHTML(session.loginError)#</p></cfoutput>
    <cfset structDelete(session, "loginError")>
  </cfif>
  <form method="post" action="login.cfm" class="login">
    <cfoutput><input type="hidden" name="csrf" value="#session.csrf#"></cfoutput>
    <label>IMAP server <input name="server" value="127.0.0.1" required></label>
    <label>Port <input name="port" value="143" required></label>
    <label>Security
      <select name="secure">
        <option value="no">none (only for a server on this machine)</option>
        <option value="starttls">STARTTLS</option>
        <option value="yes">TLS</option>
      </select>
    </label>
    <label>User name <input name="username" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit" id="login">Log in</button>
  </form>
</section>
<cfinclude template="_footer.cfm">
