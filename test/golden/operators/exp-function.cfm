<cfoutput>#exp(0)# #2 exp 3# #2 EXP 3 * 2# #round(exp(1) * 1000)#</cfoutput>
<cfscript>
writeOutput(exp(1) > 2);
</cfscript>
