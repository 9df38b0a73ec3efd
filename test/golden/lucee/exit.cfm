<!--- cfexit outside a custom tag ends the page, like cfabort --->
<cfloop from="1" to="5" index="i"><cfif i EQ 3><cfexit></cfif><cfoutput>#i#</cfoutput></cfloop>
not printed
