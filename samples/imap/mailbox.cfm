<cfsetting enablecfoutputonly="true">
<!--- A mail page: folders with counts, the newest messages, attachments saved, one message filed. --->
<cfinclude template="_settings.cfm">
<cfparam name="attachmentDir" default="#getTempDirectory()#/cfml-mail-attachments">
<cfimap action="open" connection="box" server="#imapServer#" port="#imapPort#"
        username="#imapUser#" password="#imapPassword#" secure="#imapSecure#">

<cfimap action="listAllFolders" connection="box" name="folders" recurse="true">
<cfoutput>== Folders (#folders.recordCount#)#chr(10)#</cfoutput>
<cfoutput query="folders">#fullName# #totalMessages# (#unread# unread)#chr(10)#</cfoutput>

<cfimap action="getHeaderOnly" connection="box" name="headers">
<cfset newest = duplicate(headers)>
<cfset querySort(newest, "messageNumber", "desc")>
<cfoutput>#chr(10)#== Newest messages#chr(10)#</cfoutput>
<cfoutput query="newest" maxrows="5">[#seen ? " " : "*"#] #subject# -- #from##chr(10)#</cfoutput>

<cfimap action="getAll" connection="box" name="full" attachmentPath="#attachmentDir#" generateUniqueFilenames="true">
<cfset saved = 0>
<cfloop query="full">
  <cfif len(attachmentFiles)>
    <cfset saved = saved + listLen(attachmentFiles, chr(9))>
  </cfif>
</cfloop>
<cfoutput>#chr(10)#== Attachments: #saved# files saved under the attachment directory#chr(10)#</cfoutput>

<!--- file the oldest message into Archive --->
<cfset oldest = headers.uid[1]>
<cfimap action="moveMail" connection="box" uid="#oldest#" newFolder="Archive">
<cfimap action="getHeaderOnly" connection="box" folder="Archive" name="archived">
<cfoutput>#chr(10)#== Filed message #oldest# into Archive, which now holds #archived.recordCount# messages#chr(10)#</cfoutput>
<cfimap action="close" connection="box">
<cfsetting enablecfoutputonly="false">
