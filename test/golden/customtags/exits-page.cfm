<cfset n = 0>
exitTag in start: <cf_exits mode="start" method="exitTag">[body]</cf_exits>
exitTemplate in start: <cf_exits mode="start" method="exitTemplate">[body]</cf_exits>
loop in end: <cf_exits mode="end" method="loop" times="3"><cfset n++><cfoutput>[body #n#]</cfoutput></cf_exits>
exitTag in end: <cf_exits mode="end" method="exitTag">[body]</cf_exits>
cfexit outside a custom tag ends the page: <cfexit>never shown
