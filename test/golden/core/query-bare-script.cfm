<!--- In script, query { ... } may stand without attributes: it runs on the default datasource (none here: a clear error) --->
<cfscript>
query {
	echo("select 1");
}
</cfscript>
