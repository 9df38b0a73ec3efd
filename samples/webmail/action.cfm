<!--- Mark read, move or delete the messages the page listed: always by UID, never by position. --->
<cfparam name="form.folder" default="INBOX">
<cfparam name="form.page" default="1">
<cfparam name="form.uid" default="">
<cfparam name="form.do" default="">
<cfparam name="form.newFolder" default="">
<cfset uids = reReplace(form.uid, "\s", "", "all")>
<cfif len(uids) and reFind("^[0-9]+(,[0-9]+)*$", uids)>
  <cfswitch expression="#form.do#">
    <cfcase value="markRead">
      <cfimap action="markRead" attributeCollection="#session.imap#" folder="#form.folder#" uid="#uids#">
    </cfcase>
    <cfcase value="delete">
      <cfimap action="delete" attributeCollection="#session.imap#" folder="#form.folder#" uid="#uids#">
    </cfcase>
    <cfcase value="move">
      <cfif len(form.newFolder)>
        <cfimap action="moveMail" attributeCollection="#session.imap#" folder="#form.folder#" uid="#uids#" newFolder="#form.newFolder#">
      </cfif>
    </cfcase>
  </cfswitch>
</cfif>
<cfparam name="form.back" default="list">
<cfif form.back eq "message" and form.do eq "markRead">
  <cflocation url="message.cfm?folder=#encodeForURL(form.folder)#&uid=#uids#" addtoken="false">
</cfif>
<cflocation url="mailbox.cfm?folder=#encodeForURL(form.folder)#&page=#encodeForURL(form.page)#" addtoken="false">
