<cfloop from="1" to="2" index="i" bogus="1">x</cfloop>
