<cfloop from="1" to="5" index="i">#i#</cfloop>
<cfoutput><cfloop from="1" to="5" index="i">#i#,</cfloop>
<cfloop from="10" to="1" step="-3" index="i">#i#,</cfloop>
<cfloop from="1" to="2" step="0.5" index="x">#x#,</cfloop>
<cfloop from="5" to="1" index="i">never</cfloop>after:#i# <cfloop from="1" to="3" index="i"></cfloop>#i#
<cfset top = 3><cfloop index="j" from="1" to="#top#">#j#</cfloop>
<cfloop from="1" to="3" index="k"><cfset top = 10>#k#</cfloop>
<!--- Lucee: the counter is private (ACF would print 24) ---><cfloop from="1" to="3" index="k"><cfset k = k + 1>#k#</cfloop>
<cfloop index="n" from="1" to="10"><cfif n mod 2><cfcontinue></cfif><cfif n GT 6><cfbreak></cfif>#n#</cfloop>
</cfoutput>
