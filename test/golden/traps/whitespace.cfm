<cfset a = 1>
    <cfset b = 2>
<cfif a>
  yes
</cfif>
<cfloop from="1" to="2" index="i">
  row
</cfloop>
end	tab
