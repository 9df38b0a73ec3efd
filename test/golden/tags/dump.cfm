<cfset s = structNew("ordered")><cfset s.name = "Ann"><cfset s["Tags"] = ["a", "b"]><cfset s.nested = {x: 1}>
<cfdump var="#s#">
<cfdump var="#[1, "two", true]#" label="My array">
<cfset q = queryNew("id,name", "integer,varchar", [[1, "Ann"], [2, "Bob"], [3, "Cy"]])>
<cfdump var="#q#" top="2">
<cfdump var="plain string">
<cfdump var="#[1, 2, 3, 4]#" top="2">
<cfdump var="#s#" top="1">
<cfdump var="">
