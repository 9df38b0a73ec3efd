<cfset n = 3>
<cfloop index=i from=1 to=#n#><cfoutput>#i#</cfoutput></cfloop>
<cfloop index='j' from='1' to='2'><cfoutput>#j#</cfoutput></cfloop>
<cfparam name="p" default="x" /><cfset q = 1 /><cfoutput>#p##q#</cfoutput>
<cfloop
    index="k"
    from="1"
    to="2"
><cfoutput>#k#</cfoutput></cfloop>
<cfset s = "a>b"><cfoutput>#s#</cfoutput>
<cfif n GT 2
   AND n LT 4>multi-line cfif</cfif>
