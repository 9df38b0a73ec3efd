<!--- custom tag: fails in its start mode --->
<cfset y = 1>
<cfset z = attributes.nope>
