<!--- Server settings for the mail samples. `npm run demo` passes them with --var; point them at
      your own server the same way: npx cfml samples/imap/inbox.cfm --var imapServer=imap.example.com ... --->
<cfparam name="imapServer" default="127.0.0.1">
<cfparam name="imapPort" default="143">
<cfparam name="imapUser" default="">
<cfparam name="imapPassword" default="">
<cfparam name="imapSecure" default="no">
