<!--- a CFML comment <!--- nested ---> still comment --->before
<cfoutput>
<!--- removed inside cfoutput #nope# --->
<!-- html comment with #1 + 1# stays -->
</cfoutput>
<!-- outside: #1 + 1# -->
<cfset x = 1 <!--- comment inside a tag --->>
<cfoutput>#x#</cfoutput>
<cfscript>
// line comment
/* block
   comment */
y = 2; // trailing
</cfscript>
<cfoutput>#y#</cfoutput>
