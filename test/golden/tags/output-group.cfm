<cfset q = queryNew("dept,team,name", "varchar,varchar,varchar", [
  ["Eng", "Core", "Ann"], ["Eng", "Core", "Bob"], ["Eng", "Web", "Cy"],
  ["Ops", "Night", "Di"], ["ops", "Night", "Ed"], ["Sales", "", "Flo"]])>
<cfoutput query="q" group="dept">
#dept#:<cfoutput> #name#(#currentRow#)</cfoutput>
</cfoutput>
--
<cfoutput query="q" group="dept" groupcasesensitive="true">#dept#=<cfoutput>#name#,</cfoutput>;</cfoutput>
--
<cfoutput query="q" group="dept"><cfoutput group="team">#dept#/#team#:<cfoutput>#name#</cfoutput> </cfoutput>| </cfoutput>
--
<cfoutput query="q" group="dept" startrow="3" maxrows="2">#dept#{<cfoutput>#name#</cfoutput>}</cfoutput>
--
<cfoutput query="q" group="dept">#dept# </cfoutput>
<cfoutput>#q.currentRow#</cfoutput>
<!--- Lucee: maxrows limits the rows groups start on, the last group runs to its end ---><cfoutput query="q" group="dept" maxrows="2">#dept#{<cfoutput>#name#</cfoutput>}</cfoutput>
