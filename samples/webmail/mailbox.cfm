<cfparam name="url.folder" default="INBOX">
<cfparam name="url.page" default="1">
<cfset pageSize = 10>
<cfset pageTitle = url.folder>
<cfinclude template="_header.cfm">
<cfinclude template="_folders.cfm">
<section class="list">
<cfset pages = max(1, ceiling(folderTotal / pageSize))>
<cfset page = isNumeric(url.page) ? min(max(1, int(url.page)), pages) : 1>
<!--- newest first: page 1 is the last pageSize messages of the folder --->
<cfset lastRow = folderTotal - (page - 1) * pageSize>
<cfset firstRow = max(1, lastRow - pageSize + 1)>
<cfoutput><h1>#encodeForHTML(url.folder)#</h1><p id="count">#folderTotal# messages, page #page# of #pages#</p></cfoutput>
<cfif folderTotal gt 0>
  <cfimap action="getHeaderOnly" attributeCollection="#session.imap#" folder="#url.folder#" name="msgs"
          startRow="#firstRow#" maxRows="#lastRow - firstRow + 1#">
  <cfset querySort(msgs, "messageNumber", "desc")>
  <form method="post" action="action.cfm">
    <cfoutput>
      <input type="hidden" name="csrf" value="#session.csrf#">
      <input type="hidden" name="folder" value="#encodeForHTMLAttribute(url.folder)#">
      <input type="hidden" name="page" value="#page#">
    </cfoutput>
    <table class="messages">
      <thead><tr><th></th><th>From</th><th>Subject</th><th>Date</th></tr></thead>
      <tbody>
      <cfoutput query="msgs">
        <tr class="message<cfif not seen> unread</cfif>" data-uid="#uid#">
          <td><input type="checkbox" name="uid" value="#uid#" aria-label="select"></td>
          <td>#encodeForHTML(from)#</td>
          <td><a class="subject" href="message.cfm?folder=#encodeForURL(url.folder)#&uid=#uid#">#len(trim(subject)) ? encodeForHTML(subject) : "(no subject)"#</a></td>
          <td>#dateFormat(date, "yyyy-mm-dd")# #timeFormat(date, "HH:mm")#</td>
        </tr>
      </cfoutput>
      </tbody>
    </table>
    <cfinclude template="_actions.cfm">
  </form>
</cfif>
<cfoutput>
<p class="pager">
  <cfif page gt 1><a id="newer" href="mailbox.cfm?folder=#encodeForURL(url.folder)#&page=#page - 1#">&larr; Newer</a></cfif>
  <cfif page lt pages><a id="older" href="mailbox.cfm?folder=#encodeForURL(url.folder)#&page=#page + 1#">Older &rarr;</a></cfif>
</p>
</cfoutput>
</section>
<cfinclude template="_footer.cfm">
