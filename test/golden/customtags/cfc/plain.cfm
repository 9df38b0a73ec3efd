<!--- custom tag: never used, because plain.cfc beside it wins (Lucee looks for a component first) --->
<cfoutput>the template ran</cfoutput>
