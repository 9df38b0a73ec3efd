<cfparam name="pageTitle" default="Webmail">
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <cfoutput><title>#encodeForHTML(pageTitle)# - CFML Webmail</title></cfoutput>
  <link rel="stylesheet" href="style.css">
</head>
<body>
<header>
  <strong>CFML Webmail</strong>
  <cfif structKeyExists(session, "imap")>
    <cfoutput><span id="who">#encodeForHTML(session.imap.username)#@#encodeForHTML(session.imap.server)#</span></cfoutput>
    <form method="post" action="logout.cfm" class="inline">
      <cfoutput><input type="hidden" name="csrf" value="#session.csrf#"></cfoutput>
      <button type="submit" id="logout">Log out</button>
    </form>
  </cfif>
</header>
<main>
