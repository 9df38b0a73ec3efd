<!--- cfwhile (Lucee), labelled cfbreak/cfcontinue across nested loops --->
<cfset row = 0><cfwhile condition="#row LT 5#" label="outer"><cfset col = 0><cfwhile condition="col LT 5"><cfif col EQ 3><cfbreak><cfelseif row EQ 1><cfbreak outer></cfif><cfoutput>[#row#,#col#]</cfoutput><cfset col = col + 1></cfwhile><cfset row = row + 1></cfwhile>
<cfoutput>row=#row#</cfoutput>
<cfloop from="1" to="3" index="i" label="a"><cfloop list="x,y,z" index="j"><cfif j EQ "y"><cfcontinue label="a"></cfif><cfoutput>#i##j# </cfoutput></cfloop></cfloop>
<cfset n = 0><cfwhile condition="n LT 3"><cfset n++></cfwhile><cfoutput>n=#n#</cfoutput>
<cfset x = 1; /><cfset y = x + 1;><cfoutput>#x#,#y#</cfoutput>
