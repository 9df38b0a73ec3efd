<cf_counter times="3"><cfoutput>pass #i#</cfoutput></cf_counter>
<cf_plain>plain body</cf_plain>
<cfmodule template="counter.cfc" times="2">m<cfoutput>#i#</cfoutput></cfmodule>
