<cfsetting enablecfoutputonly="true">
this text is dropped
<cfoutput>shown1</cfoutput>
<cfsetting enablecfoutputonly="yes">
dropped too
<cfsetting enablecfoutputonly="no">
still dropped (counter is 1)
<cfoutput>shown2</cfoutput>
<cfsetting enablecfoutputonly="false">
back to normal
<cfsetting enablecfoutputonly="false">
still normal
