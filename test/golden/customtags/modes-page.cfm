<cf_modes>
<cf_modes/>
<cf_modes>body</cf_modes>
<cfscript>cf_modes(); cf_modes() { writeOutput("script body"); }</cfscript>
