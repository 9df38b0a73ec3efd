/**
 * Webmail sample: every page runs inside this application. The IMAP server, user name and
 * password live only in the session (server-side); the browser holds nothing but the CFID cookie.
 */
component {
  this.name = "cfml-webmail";
  this.sessionManagement = true;
  this.sessionTimeout = createTimeSpan(0, 0, 30, 0);
  this.sessionCookie = { httpOnly: true, sameSite: "strict" };

  /** Before every page: a CSRF token per session, a login for every page but the login pages, the token on every POST. */
  function onRequestStart(required string targetPage) {
    // after sessionInvalidate() (logout) the fresh session has no token yet: hence here, not in onSessionStart
    if (!structKeyExists(session, "csrf")) session.csrf = generateSecretKey("AES");
    if (!structKeyExists(session, "imap") && !listFindNoCase("index.cfm,login.cfm", listLast(arguments.targetPage, "/"))) {
      location(url = "index.cfm", addtoken = false);
    }
    // every POST must carry the session's token (a form of another site cannot)
    if (cgi.request_method == "POST" && (!structKeyExists(form, "csrf") || form.csrf != session.csrf)) {
      cfheader(statuscode = 403);
      writeOutput("Forbidden: the form expired, reload the page.");
      return false;
    }
    return true;
  }
}
