<cfsetting enablecfoutputonly="true">
<!--- The same page with the server details in the tag: connect, read, log out in one go. --->
<cfinclude template="_settings.cfm">
<cfimap action="getHeaderOnly" server="#imapServer#" port="#imapPort#" username="#imapUser#"
        password="#imapPassword#" secure="#imapSecure#" name="mails">
<cfoutput query="mails">#dateFormat(date, "mmm d, yyyy")#  #subject# / #from##chr(10)#</cfoutput>
<cfsetting enablecfoutputonly="false">
