<cfset q = queryNew("id,name", "integer,varchar", [[1,"Ada"],[2,"B&b <x>"]])>
<cfset data = {title: "it's <ok> & ""fine""", n: 3.5, big: 12, yes: true, when: createDateTime(2024, 1, 5, 3, 4, 5), list: [1, "two", [3]], people: q, ctl: "a#chr(12)#b"}>
<cfwddx action="cfml2wddx" input="#data#" output="packet">
<cfoutput>#packet#
</cfoutput>
<cfwddx action="wddx2cfml" input="#packet#" output="back">
<cfoutput>#back.title#|#back.n + 1#|#back.yes#|#dateTimeFormat(back.when, "yyyy-mm-dd HH:nn:ss")#|#back.list[3][1]#|#back.people.recordCount#|#back.people.name[2]#|#len(back.ctl)#|#isQuery(back.people)#
</cfoutput>
<cfwddx action="cfml2wddx" input="plain" xmlConform="true">
<cfwddx action="cfml2js" input="#{a: [1, "x"], b: {c: false}}#" topLevelVariable="obj">
<cfwddx action="wddx2js" input="<wddxPacket version='1.0'><header/><data><recordset rowCount='1' fieldNames='ID' type='coldfusion.sql.QueryTable'><field name='ID'><number>7</number></field></recordset></data></wddxPacket>" topLevelVariable="rs" output="js"><cfoutput>
#js#</cfoutput>
<cftry><cfwddx action="wddx2cfml" input="<notwddx/>" output="x"><cfcatch><cfoutput>
#cfcatch.message#</cfoutput></cfcatch></cftry>
<cftry><cfwddx action="cfml2js" input="1"><cfcatch><cfoutput>
#cfcatch.message#</cfoutput></cfcatch></cftry>
