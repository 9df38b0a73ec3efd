<cfsetting enablecfoutputonly="true">
<cfquery>CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, age INTEGER, born DATE, note VARCHAR(200))</cfquery>
<cfset form.id = 1><cfset form.name = "O'Brien"><cfset form.age = "36"><cfset form.born = "1990-02-03"><cfset form.extra = "ignored"><cfset form.name_required = "Name!">
<cfinsert tablename="people">
<cfset structClear(form)><cfset form.id = 2><cfset form.name = "Bob"><cfset form.age = "">
<cfinsert tablename="people" formfields="id,name,age">
<cfset structClear(form)><cfset form.id = 2><cfset form.age = "41"><cfset form.note = "hi">
<cfupdate tablename="people">
<cfquery name="q">SELECT id, name, age, born, note FROM people ORDER BY id</cfquery>
<cfoutput query="q">#id#:#name#:#age#:#dateFormat(born, "yyyy-mm-dd")#:#note#
</cfoutput>
<cftry><cfset structClear(form)><cfset form.name = "x"><cfupdate tablename="people"><cfcatch><cfoutput>#cfcatch.message#
</cfoutput></cfcatch></cftry>
