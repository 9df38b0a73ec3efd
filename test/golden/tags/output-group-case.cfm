<!--- Lucee: the outer group ignores case by default, a nested group respects it --->
<cfset q = queryNew("dept,team", "varchar,varchar", [["Eng", "Core"], ["ENG", "core"], ["eng", "Core"]])>
<cfoutput query="q" group="dept">#dept#:<cfoutput group="team">[#team#]</cfoutput></cfoutput>
<cfoutput query="q" group="dept" groupcasesensitive="yes">#dept#;</cfoutput>
<cfoutput query="q" group="dept"><cfoutput group="team" groupcasesensitive="false">[#team#]</cfoutput></cfoutput>
