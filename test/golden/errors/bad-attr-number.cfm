<cfloop from="1" to="abc" index="i">x</cfloop>
