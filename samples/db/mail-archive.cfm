<cfsetting enablecfoutputonly="true">
<!--- A mail archive: the headers of a mailbox fetched with cfimap land in a table, and a search runs
      over the table instead of the server. With imapUser given (see ../imap/_settings.cfm) it
      fetches first; `--var q=word` searches subjects and senders:
        npx cfml samples/db/mail-archive.cfm --var imapUser=me --var imapPassword=secret --var q=invoice --->
<cfinclude template="_datasource.cfm">
<cfinclude template="../imap/_settings.cfm">
<cfparam name="variables.folder" default="INBOX">
<cfparam name="variables.q" default="">

<cfquery datasource="#dsn#">
  CREATE TABLE IF NOT EXISTS mail_headers (
    folder VARCHAR(200) NOT NULL,
    uid BIGINT NOT NULL,
    subject VARCHAR(1000),
    sender VARCHAR(500),
    sent TIMESTAMP,
    PRIMARY KEY (folder, uid)
  )
</cfquery>

<cfif len(imapUser)>
  <cfimap action="getHeaderOnly" server="#imapServer#" port="#imapPort#" username="#imapUser#"
          password="#imapPassword#" secure="#imapSecure#" folder="#folder#" name="headers">
  <!--- one transaction: a message seen again replaces its row --->
  <cftransaction>
    <cfloop query="headers">
      <cfquery datasource="#dsn#">
        DELETE FROM mail_headers WHERE folder = <cfqueryparam value="#folder#"> AND uid = <cfqueryparam value="#headers.uid#" cfsqltype="cf_sql_bigint">
      </cfquery>
      <cfquery datasource="#dsn#">
        INSERT INTO mail_headers (folder, uid, subject, sender, sent) VALUES (
          <cfqueryparam value="#folder#">, <cfqueryparam value="#headers.uid#" cfsqltype="cf_sql_bigint">,
          <cfqueryparam value="#left(headers.subject, 1000)#">, <cfqueryparam value="#left(headers.from, 500)#">,
          <cfqueryparam value="#headers.date#" cfsqltype="cf_sql_timestamp" null="#not isDate(headers.date)#">)
      </cfquery>
    </cfloop>
  </cftransaction>
  <cfoutput>Archived #headers.recordCount# headers of #folder##chr(10)#</cfoutput>
</cfif>

<cfquery name="found" datasource="#dsn#">
  SELECT folder, uid, subject, sender, sent FROM mail_headers
  <cfif len(q)>
    WHERE LOWER(subject) LIKE <cfqueryparam value="%#lCase(q)#%"> OR LOWER(sender) LIKE <cfqueryparam value="%#lCase(q)#%">
  </cfif>
  ORDER BY sent, folder, uid
</cfquery>
<cfoutput>#found.recordCount# #len(q) ? "messages match [#q#]" : "messages in the archive"##chr(10)#</cfoutput>
<cfoutput query="found">#isDate(sent) ? dateFormat(sent, "yyyy-mm-dd") : "----------"#  #subject# / #sender##chr(10)#</cfoutput>
