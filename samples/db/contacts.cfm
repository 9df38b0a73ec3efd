<cfsetting enablecfoutputonly="true">
<!--- Contacts: add, edit and delete through forms. `npx cfml samples/db/contacts.cfm` prints the
      list; `npx cfml serve samples` serves it at http://127.0.0.1:8080/db/contacts.cfm. Every value
      from the request reaches the SQL through cfqueryparam. --->
<cfinclude template="_datasource.cfm">

<cfquery datasource="#dsn#">
  CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200),
    phone VARCHAR(50)
  )
</cfquery>
<cfquery name="existing" datasource="#dsn#">SELECT COUNT(*) AS n FROM contacts</cfquery>
<cfif existing.n eq 0>
  <cftransaction>
    <cfloop array="#[['Ada Lovelace', 'ada@example.org', '+44 20 7946 0001'], ['Grace Hopper', 'grace@example.org', ''], ['Alan Turing', 'alan@example.org', '+44 161 496 0002']]#" index="seed">
      <cfquery datasource="#dsn#">
        INSERT INTO contacts (id, name, email, phone)
        SELECT COALESCE(MAX(id), 0) + 1, <cfqueryparam value="#seed[1]#">, <cfqueryparam value="#seed[2]#">,
               <cfqueryparam value="#seed[3]#" null="#seed[3] eq ''#"> FROM contacts
      </cfquery>
    </cfloop>
  </cftransaction>
</cfif>

<cfparam name="form.action" default="">
<cfparam name="url.edit" default="">
<cfset message = "">
<cfif form.action eq "add" or form.action eq "update">
  <cfparam name="form.name" default="">
  <cfparam name="form.email" default="">
  <cfparam name="form.phone" default="">
  <cfif not len(trim(form.name))>
    <cfset message = "A contact needs a name.">
  <cfelseif len(form.email) and not isValid("email", form.email)>
    <cfset message = "[#form.email#] is not an email address.">
  <cfelseif form.action eq "add">
    <cftransaction>
      <cfquery datasource="#dsn#">
        INSERT INTO contacts (id, name, email, phone)
        SELECT COALESCE(MAX(id), 0) + 1, <cfqueryparam value="#trim(form.name)#" maxlength="100">,
               <cfqueryparam value="#form.email#" null="#form.email eq ''#">, <cfqueryparam value="#form.phone#" null="#form.phone eq ''#"> FROM contacts
      </cfquery>
    </cftransaction>
    <cfset message = "Added #trim(form.name)#.">
  <cfelse>
    <cfquery datasource="#dsn#" result="changed">
      UPDATE contacts SET name = <cfqueryparam value="#trim(form.name)#" maxlength="100">,
        email = <cfqueryparam value="#form.email#" null="#form.email eq ''#">,
        phone = <cfqueryparam value="#form.phone#" null="#form.phone eq ''#">
      WHERE id = <cfqueryparam value="#form.id#" cfsqltype="cf_sql_integer">
    </cfquery>
    <cfset message = changed.recordCount ? "Saved #trim(form.name)#." : "No contact #form.id#.">
  </cfif>
<cfelseif form.action eq "delete">
  <cfquery datasource="#dsn#" result="removed">
    DELETE FROM contacts WHERE id = <cfqueryparam value="#form.id#" cfsqltype="cf_sql_integer">
  </cfquery>
  <cfset message = removed.recordCount ? "Deleted contact #form.id#." : "No contact #form.id#.">
</cfif>

<cfquery name="contacts" datasource="#dsn#">SELECT id, name, email, phone FROM contacts ORDER BY name, id</cfquery>
<cfset editing = queryNew("id,name,email,phone")>
<cfif isNumeric(url.edit)>
  <cfquery name="editing" datasource="#dsn#">SELECT id, name, email, phone FROM contacts WHERE id = <cfqueryparam value="#url.edit#" cfsqltype="cf_sql_integer"></cfquery>
</cfif>

<cfoutput><!DOCTYPE html>
<html><head><title>Contacts</title></head>
<body>
<h1>Contacts (#contacts.recordCount#)</h1>
<cfif len(message)><p class="message">#encodeForHTML(message)#</p>
</cfif><table>
<tr><th>Name</th><th>Email</th><th>Phone</th><th></th></tr>
</cfoutput>
<cfoutput query="contacts"><tr><td>#encodeForHTML(name)#</td><td>#encodeForHTML(email)#</td><td>#encodeForHTML(phone)#</td><td><a href="?edit=#id#">edit</a> <form method="post" style="display:inline"><input type="hidden" name="action" value="delete"><input type="hidden" name="id" value="#id#"><button>delete</button></form></td></tr>
</cfoutput>
<cfoutput></table>
<h2>#editing.recordCount ? "Edit " & encodeForHTML(editing.name) : "Add a contact"#</h2>
<form method="post" action="contacts.cfm">
<input type="hidden" name="action" value="#editing.recordCount ? 'update' : 'add'#"><cfif editing.recordCount><input type="hidden" name="id" value="#editing.id#"></cfif>
<label>Name <input name="name" value="#encodeForHTMLAttribute(editing.name)#" required></label>
<label>Email <input name="email" type="email" value="#encodeForHTMLAttribute(editing.email)#"></label>
<label>Phone <input name="phone" value="#encodeForHTMLAttribute(editing.phone)#"></label>
<button>#editing.recordCount ? "Save" : "Add"#</button>
</form>
</body></html>
</cfoutput>
