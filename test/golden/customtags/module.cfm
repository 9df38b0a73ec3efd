<cfmodule template="widgets/forms/input.cfm" field="email">
<cfmodule name="widgets.forms.input" field="name">label</cfmodule>
<cfscript>module template="widgets/forms/input.cfm" field="script" { writeOutput("script body"); }</cfscript>
