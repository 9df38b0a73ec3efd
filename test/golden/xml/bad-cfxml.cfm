<cfxml variable="doc">
<a><b></a>
</cfxml>
