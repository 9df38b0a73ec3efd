<cfsetting enablecfoutputonly="true">
<!--- Lists a POP3 box with <cfpop>. Settings as in ../imap/_settings.cfm, plus the POP3 port:
      npx cfml samples/mail/pop-list.cfm --var imapServer=... --var popPort=110 --var imapUser=... --->
<cfinclude template="../imap/_settings.cfm">
<cfparam name="popPort" default="110">
<cfpop action="getHeaderOnly" server="#imapServer#" port="#popPort#" secure="#imapSecure#"
       username="#imapUser#" password="#imapPassword#" name="box">
<cfoutput>POP3 box of #imapUser#: #box.recordCount# messages#chr(10)#</cfoutput>
<cfoutput query="box">#messageNumber#. #dateFormat(date, "mmm d")#  #subject# / #from# (#size# bytes)#chr(10)#</cfoutput>
<cfsetting enablecfoutputonly="false">
