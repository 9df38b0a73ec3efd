<cftry>
  <cfthrow type="my.app.Error" message="bad thing" detail="more" errorcode="E1" extendedinfo="ext">
  <cfcatch type="my.app">
    <cfoutput>#cfcatch.type#|#cfcatch.message#|#cfcatch.detail#|#cfcatch.errorCode#|#cfcatch.extendedInfo#</cfoutput>
  </cfcatch>
</cftry>
<cftry>
  <cftry>
    <cfset x = 1/0>
    <cfcatch type="application"><cfoutput>wrong</cfoutput></cfcatch>
    <cfcatch type="expression"><cfoutput>inner:#cfcatch.type#</cfoutput><cfrethrow></cfcatch>
    <cffinally><cfoutput>[fin]</cfoutput></cffinally>
  </cftry>
  <cfcatch><cfoutput>outer:#cfcatch.type#:#cfcatch.message#</cfoutput></cfcatch>
</cftry>
<cftry><cfthrow message="no type"><cfcatch type="any"><cfoutput>#cfcatch.type#</cfoutput></cfcatch></cftry>
<cftry><cfthrow type="Custom" message="custom"><cfcatch type="custom.sub">wrong</cfcatch><cfcatch type="CUSTOM"><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>
<cftry><cfinclude template="does-not-exist.cfm"><cfcatch type="missinginclude"><cfoutput>#cfcatch.type#</cfoutput></cfcatch></cftry>
<cftry><cfinclude template="does-not-exist.cfm"><cfcatch type="template"><cfoutput>template catches #cfcatch.type#</cfoutput></cfcatch></cftry>
<cftry><cfoutput>#undefinedVar#</cfoutput><cfcatch type="expression"><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>
<cftry>before<cfthrow message="x">after<cfcatch>|caught</cfcatch><cffinally>|finally</cffinally></cftry>
