<cfset sel = "b">
<select><cfloop list="a,b,c" index="o"><cfoutput><option value="#o#" <cfif o EQ sel>selected</cfif>>#uCase(o)#</option></cfoutput></cfloop></select>
<input type="checkbox" <cfif true>checked="checked"</cfif> />
<div class="<cfif sel EQ 'b'>on<cfelse>off</cfif>">x</div>
