<cfparam name="url.folder" default="INBOX">
<cfparam name="url.uid" default="">
<cfif not reFind("^[0-9]+$", url.uid)>
  <cflocation url="mailbox.cfm?folder=#encodeForURL(url.folder)#" addtoken="false">
</cfif>
<cfimap action="getAll" attributeCollection="#session.imap#" folder="#url.folder#" uid="#url.uid#" name="msg">
<cfset pageTitle = msg.recordCount ? msg.subject : "Message not found">
<cfinclude template="_header.cfm">
<cfinclude template="_folders.cfm">
<section class="message">
<cfoutput><p><a href="mailbox.cfm?folder=#encodeForURL(url.folder)#" id="back">&larr; #encodeForHTML(url.folder)#</a></p></cfoutput>
<cfif msg.recordCount eq 0>
  <p class="error">This message is no longer in the folder.</p>
<cfelse>
  <cfoutput query="msg">
    <h1 id="subject">#encodeForHTML(subject)#</h1>
    <p>From: <span id="from">#encodeForHTML(from)#</span><br>To: #encodeForHTML(to)#<br>Date: #dateFormat(date, "yyyy-mm-dd")# #timeFormat(date, "HH:mm")#</p>
    <cfif len(htmlBody)>
      <!--- mail HTML runs in a sandbox: no scripts, no forms, no remote images, no access to this page --->
      <cfset safeHtml = '<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''; img-src data: cid:">' & htmlBody>
      <iframe class="html-body" id="html-body" sandbox="" referrerpolicy="no-referrer" srcdoc="#encodeForHTMLAttribute(safeHtml)#"></iframe>
    <cfelse>
      <pre class="text-body" id="text-body">#encodeForHTML(len(textBody) ? textBody : body)#</pre>
    </cfif>
    <cfif len(attachments)>
      <h2>Attachments</h2>
      <ul id="attachments">
        <cfloop from="1" to="#listLen(attachments, chr(9))#" index="i">
          <li><a class="attachment" href="download.cfm?folder=#encodeForURL(url.folder)#&uid=#uid#&n=#i#">#encodeForHTML(listGetAt(attachments, i, chr(9)))#</a></li>
        </cfloop>
      </ul>
    </cfif>
  </cfoutput>
  <form method="post" action="action.cfm">
    <cfoutput>
      <input type="hidden" name="csrf" value="#session.csrf#">
      <input type="hidden" name="folder" value="#encodeForHTMLAttribute(url.folder)#">
      <input type="hidden" name="uid" value="#msg.uid#">
      <input type="hidden" name="back" value="message">
    </cfoutput>
    <cfinclude template="_actions.cfm">
  </form>
</cfif>
</section>
<cfinclude template="_footer.cfm">
