<!--- Sends one attachment as a download (never shown inline, so a mailed page cannot run here). --->
<cfparam name="url.folder" default="INBOX">
<cfparam name="url.uid" default="">
<cfparam name="url.n" default="1">
<cfif not reFind("^[0-9]+$", url.uid) or not reFind("^[0-9]+$", url.n)>
  <cfheader statuscode="400"><cfoutput>Bad request</cfoutput><cfabort>
</cfif>
<cfset dir = getTempDirectory() & "/webmail-" & createUUID()>
<cfset directoryCreate(dir)>
<cfimap action="getAll" attributeCollection="#session.imap#" folder="#url.folder#" uid="#url.uid#" name="msg"
        attachmentPath="#dir#" generateUniqueFilenames="true">
<cfif msg.recordCount eq 0 or url.n gt listLen(msg.attachmentFiles, chr(9))>
  <cfset directoryDelete(dir, true)>
  <cfheader statuscode="404"><cfoutput>No such attachment</cfoutput><cfabort>
</cfif>
<cfset file = listGetAt(msg.attachmentFiles, url.n, chr(9))>
<cfset name = listGetAt(msg.attachments, url.n, chr(9))>
<cfset asciiName = reReplace(name, "[^A-Za-z0-9._ -]", "_", "all")>
<cfheader name="Content-Disposition" value="attachment; filename=""#asciiName#""; filename*=UTF-8''#urlEncodedFormat(name)#">
<cfheader name="X-Content-Type-Options" value="nosniff">
<cfcontent type="application/octet-stream" file="#file#" deletefile="true">
