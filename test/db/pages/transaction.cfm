<cfsetting enablecfoutputonly="true">
<cfquery datasource="main">CREATE TABLE acct (id INTEGER PRIMARY KEY, balance INTEGER)</cfquery>
<cfquery datasource="main">INSERT INTO acct (id, balance) VALUES (1, 100)</cfquery>
<cfquery datasource="main">INSERT INTO acct (id, balance) VALUES (2, 0)</cfquery>
<cffunction name="balances" output="false">
  <cfquery name="local.q" datasource="main">SELECT balance FROM acct ORDER BY id</cfquery>
  <cfreturn valueList(local.q.balance)>
</cffunction>
<!--- committed at the end --->
<cftransaction>
  <cfquery datasource="main">UPDATE acct SET balance = balance - 10 WHERE id = 1</cfquery>
  <cfquery datasource="main">UPDATE acct SET balance = balance + 10 WHERE id = 2</cfquery>
</cftransaction>
<cfoutput>commit: #balances()#
</cfoutput>
<!--- an error inside rolls back --->
<cftry>
  <cftransaction>
    <cfquery datasource="main">UPDATE acct SET balance = balance - 50 WHERE id = 1</cfquery>
    <cfthrow message="transfer failed">
  </cftransaction>
  <cfcatch><cfoutput>caught: #cfcatch.message#
</cfoutput></cfcatch>
</cftry>
<cfoutput>after error: #balances()#
</cfoutput>
<!--- a database error inside rolls back too --->
<cftry>
  <cftransaction>
    <cfquery datasource="main">UPDATE acct SET balance = balance - 50 WHERE id = 1</cfquery>
    <cfquery datasource="main">INSERT INTO acct (id, balance) VALUES (1, 0)</cfquery>
  </cftransaction>
  <cfcatch><cfoutput>db error: #cfcatch.type#
</cfoutput></cfcatch>
</cftry>
<cfoutput>after db error: #balances()#
</cfoutput>
<!--- explicit rollback, then the transaction goes on --->
<cftransaction>
  <cfquery datasource="main">UPDATE acct SET balance = 0 WHERE id = 1</cfquery>
  <cftransaction action="rollback" />
  <cfquery datasource="main">UPDATE acct SET balance = balance + 1 WHERE id = 2</cfquery>
</cftransaction>
<cfoutput>rollback: #balances()#
</cfoutput>
<!--- savepoints --->
<cftransaction>
  <cfquery datasource="main">UPDATE acct SET balance = balance + 100 WHERE id = 1</cfquery>
  <cftransaction action="setSavepoint" savepoint="sp1" />
  <cfquery datasource="main">UPDATE acct SET balance = balance + 1000 WHERE id = 1</cfquery>
  <cftransaction action="rollback" savepoint="sp1" />
</cftransaction>
<cfoutput>savepoint: #balances()#
</cfoutput>
<!--- nested: an error in the inner one rolls back only the inner one --->
<cftransaction>
  <cfquery datasource="main">UPDATE acct SET balance = balance + 5 WHERE id = 2</cfquery>
  <cftry>
    <cftransaction>
      <cfquery datasource="main">UPDATE acct SET balance = balance + 500 WHERE id = 2</cfquery>
      <cfthrow message="inner">
    </cftransaction>
    <cfcatch><cfoutput>inner caught
</cfoutput></cfcatch>
  </cftry>
</cftransaction>
<cfoutput>nested: #balances()#
</cfoutput>
<!--- explicit commit --->
<cftry>
  <cftransaction isolation="serializable">
    <cfquery datasource="main">UPDATE acct SET balance = 1 WHERE id = 1</cfquery>
    <cftransaction action="commit" />
    <cfquery datasource="main">UPDATE acct SET balance = 2 WHERE id = 1</cfquery>
    <cfthrow message="after commit">
  </cftransaction>
  <cfcatch></cfcatch>
</cftry>
<cfoutput>commit then error: #balances()#
</cfoutput>
<!--- script form --->
<cfscript>
transaction {
  queryExecute("UPDATE acct SET balance = 7 WHERE id = 2");
  transaction action="rollback";
}
writeOutput("script: " & balances() & chr(10));
</cfscript>
<cftry>
  <cftransaction action="commit" />
  <cfcatch><cfoutput>outside: #cfcatch.message#
</cfoutput></cfcatch>
</cftry>
