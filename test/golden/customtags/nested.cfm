<cf_form action="/save"><cf_field name="a" value="1"><cfoutput>[body sees #getBaseTagList()#]</cfoutput><cf_field name="b"></cf_form>
<cfoutput>outside: [#getBaseTagList()#]</cfoutput>
