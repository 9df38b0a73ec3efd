<cfset n = 5>
<cfif n GT 3>big</cfif>
<cfif n LT 3>small<cfelse>not small</cfif>
<cfif n EQ 1>one<cfelseif n EQ 5>five<cfelseif n EQ 5>five again<cfelse>other</cfif>
<CFIF n is 5>upper<CFELSE>no</CFIF>
<cfif "yes">yes-string</cfif>
<cfif 0>zero<cfelse>zero is false</cfif>
<cfif "2">two is true</cfif>
<cfif n eq 5 and (n mod 2) eq 1>odd five</cfif>
<cfif false><cfif true>inner</cfif><cfelseif true>outer elseif</cfif>
