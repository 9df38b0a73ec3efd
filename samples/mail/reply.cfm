<cfsetting enablecfoutputonly="true">
<!--- Replies to the newest message in INBOX with <cfmail> and files the original into Archive with
      <cfimap>. Settings as in ../imap/_settings.cfm, plus the SMTP server:
      npx cfml samples/mail/reply.cfm --var imapServer=... --var smtpServer=... --var smtpPort=587 --->
<cfinclude template="../imap/_settings.cfm">
<cfparam name="smtpServer" default="#imapServer#">
<cfparam name="smtpPort" default="25">
<cfparam name="replyFrom" default="#imapUser#@localhost">

<cfimap action="open" connection="box" server="#imapServer#" port="#imapPort#"
        username="#imapUser#" password="#imapPassword#" secure="#imapSecure#">
<cfimap action="getHeaderOnly" connection="box" name="headers">
<cfif headers.recordCount eq 0>
  <cfoutput>INBOX is empty: nothing to reply to#chr(10)#</cfoutput>
  <cfimap action="close" connection="box">
  <cfexit>
</cfif>

<!--- the newest message is the one with the highest message number --->
<cfset querySort(headers, "messageNumber", "desc")>
<cfimap action="getAll" connection="box" uid="#headers.uid[1]#" name="original">

<cfmail from="#replyFrom#" to="#original.replyTo#" subject="Re: #original.subject#"
        server="#smtpServer#" port="#smtpPort#">
<cfmailparam name="In-Reply-To" value="#original.messageID#">
<cfmailparam name="References" value="#original.messageID#">
Thank you for your message of #dateFormat(original.date, "mmmm d, yyyy")#. We will get back to you soon.

> #replace(trim(original.textBody), chr(10), chr(10) & "> ", "all")#
</cfmail>

<cfimap action="listAllFolders" connection="box" name="folders">
<cfif not listFindNoCase(valueList(folders.fullName), "Archive")>
  <cfimap action="createFolder" connection="box" folder="Archive">
</cfif>
<cfimap action="moveMail" connection="box" uid="#original.uid#" newFolder="Archive">
<cfimap action="close" connection="box">
<cfoutput>Replied to "#original.subject#" (#original.replyTo#) and filed it into Archive#chr(10)#</cfoutput>
<cfsetting enablecfoutputonly="false">
