<cflog text="hello from the log" type="information">
<cflog file="myapp" text="to a named log">
<cfoutput>done</cfoutput>
