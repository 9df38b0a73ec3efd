<!--- custom tag: prints its execution modes --->
<cfoutput>[#thisTag.executionMode# hasEndTag=#thisTag.hasEndTag#<cfif thisTag.executionMode EQ "end"> content=#thisTag.generatedContent#</cfif>]</cfoutput>
