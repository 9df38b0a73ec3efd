<cfquery name="x" datasource="mydb">
  SELECT * FROM users
</cfquery>
