<!--- The folder list, with the current folder marked; sets `folders` and `folderTotal`. --->
<cfimap action="listAllFolders" attributeCollection="#session.imap#" name="folders" recurse="true">
<cfset folderTotal = 0>
<nav class="folders">
  <cfoutput query="folders">
    <cfif fullName eq url.folder><cfset folderTotal = totalMessages></cfif>
    <a href="mailbox.cfm?folder=#encodeForURL(fullName)#" class="folder<cfif fullName eq url.folder> current</cfif>" data-folder="#encodeForHTMLAttribute(fullName)#">#encodeForHTML(fullName)# <small>(#unread#/#totalMessages#)</small></a>
  </cfoutput>
</nav>
