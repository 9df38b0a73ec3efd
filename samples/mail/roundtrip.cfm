<cfsetting enablecfoutputonly="true">
<!--- Sends a mail with <cfmail> (text and HTML parts, an attachment) to the IMAP user, then reads
      it back with <cfimap action="getAll">. `npm run demo` runs it against a throw-away Dovecot and
      an SMTP server that delivers into it. Settings as in ../imap/_settings.cfm, plus smtpServer,
      smtpPort and mailTo. --->
<cfinclude template="../imap/_settings.cfm">
<cfparam name="smtpServer" default="#imapServer#">
<cfparam name="smtpPort" default="25">
<cfparam name="mailTo" default="#imapUser#@localhost">
<cfparam name="attachmentDir" default="#getTempDirectory()#/cfml-mail-attachments">

<!--- an attachment with bytes of every value --->
<cfset chars = "">
<cfloop from="0" to="255" index="b"><cfset chars &= chr(b)></cfloop>
<cfset original = getTempDirectory() & "/cfml-roundtrip-" & createUUID() & ".bin">
<cffile action="write" file="#original#" output="#charsetDecode(chars, 'iso-8859-1')#">
<cfset subject = "Round trip " & createUUID()>

<cfmail from='"Jürgen Müller" <juergen@example.de>' to="#mailTo#" subject="#subject#"
        server="#smtpServer#" port="#smtpPort#">
<cfmailpart type="text">Grüße aus CFML: the text part.</cfmailpart>
<cfmailpart type="html"><p>Grüße aus <b>CFML</b>: the HTML part.</p></cfmailpart>
<cfmailparam file="#original#" type="application/octet-stream">
</cfmail>
<cfoutput>Sent "#subject#" to #mailTo# through #smtpServer#:#smtpPort##chr(10)#</cfoutput>

<cfimap action="getAll" server="#imapServer#" port="#imapPort#" secure="#imapSecure#"
        username="#imapUser#" password="#imapPassword#" name="mails" attachmentPath="#attachmentDir#"
        generateUniqueFilenames="true">
<cfset row = 0>
<cfloop query="mails"><cfif mails.subject eq variables.subject><cfset row = mails.currentRow></cfif></cfloop>
<cfif row eq 0>
  <cfoutput>Not (yet) in INBOX#chr(10)#</cfoutput>
<cfelse>
  <cffile action="readBinary" file="#mails.attachmentFiles[row]#" variable="got">
  <cffile action="readBinary" file="#original#" variable="sent">
  <cfoutput>Read back with cfimap:
  subject:     #mails.subject[row]#
  from:        #mails.from[row]#
  text part:   #trim(mails.textBody[row])#
  HTML part:   #trim(mails.htmlBody[row])#
  attachment:  #mails.attachments[row]# (#arrayLen(got)# bytes, #hash(got) eq hash(sent) ? "identical to what was sent" : "DIFFERENT from what was sent"#)
</cfoutput>
</cfif>
<cffile action="delete" file="#original#">
<cfsetting enablecfoutputonly="false">
