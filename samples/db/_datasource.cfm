<!--- The datasource of the database samples: their own SQLite file beside them, made on the first
      run. Point them at a server with a connection string:
        npx cfml samples/db/contacts.cfm --var dsn=postgresql://user:pass@127.0.0.1:5432/contacts
      (mysql://... for MySQL or MariaDB). Only the variables scope is read, so a request's URL or
      form can never choose the database. --->
<cfparam name="variables.dsn" default="sqlite:#getDirectoryFromPath(getCurrentTemplatePath())#contacts.db">
