text
</cfif>
