<cfscript>
x = 1;
throw(message="custom failure", type="My.Type", detail="the detail");
</cfscript>
