<cfsetting enablecfoutputonly="true">
<!--- The documented flow: open a named connection, read the inbox into a query, show it, close. --->
<cfinclude template="_settings.cfm">
<cfimap action="open" connection="mail" server="#imapServer#" port="#imapPort#"
        username="#imapUser#" password="#imapPassword#" secure="#imapSecure#">
<cfimap action="getAll" connection="mail" name="mails">
<cfoutput>Inbox: #mails.recordCount# messages#chr(10)#</cfoutput>
<cfoutput query="mails">#messageNumber#. #subject# / #from##chr(10)#</cfoutput>
<cfimap action="close" connection="mail">
<cfsetting enablecfoutputonly="false">
