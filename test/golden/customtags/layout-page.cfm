<cfset who = "world"><cf_layout title="Home">
<cfoutput><p>Hello #who#</p></cfoutput>
</cf_layout>
