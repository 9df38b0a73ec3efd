<cfoutput>
<cfloop list="a,b,,c" index="it">[#it#]</cfloop>
<cfloop list="a, b;c;;d" delimiters=";," index="it">[#it#]</cfloop>
<cfloop list="" index="it">never</cfloop>
<cfloop list="one two" delimiters=" " item="w">(#w#)</cfloop>
<cfset arr = ["x", "y", "z"]>
<cfloop array="#arr#" index="v">#v#</cfloop>
<cfloop array="#arr#" item="v">#v#</cfloop>
<cfloop array="#arr#" index="p" item="v">#p#=#v# </cfloop>
<cfset s = structNew("ordered")><cfset s.one = 1><cfset s["Two"] = 2>
<cfloop collection="#s#" item="k">#k#;</cfloop>
<cfloop collection="#s#" index="k" item="v">#k#=#v#;</cfloop>
<cfset n = 0><cfloop condition="n LT 3"><cfset n = n + 1>#n#</cfloop>
<cfloop times="3">t</cfloop>
<cfloop times="0">never</cfloop>
<cfset q = queryNew("a", "varchar", [["r1"], ["r2"], ["r3"], ["r4"]])>
<cfloop query="q">#a##q.currentRow#,</cfloop>
<cfloop query="q" startrow="2" endrow="3">#a#,</cfloop>
<cfloop query="#q#" startrow="3">#currentRow#:#a#,</cfloop>
#q.currentRow#
</cfoutput>
