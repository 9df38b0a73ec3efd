<cfoutput>
<cftry><cfinput name="x"><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform format="flash"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform format="pdf"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfinput name="a" validate="color"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfinput name="a" validate="regex"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfinput name="a" range="1,b"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfinput name="a"><cfinput name="A" type="password"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfinput name="a" type="datefield"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cfselect name="s" query="nope" value="id"></cfselect></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x"><cftextarea name="t" value="a">b</cftextarea></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
<cftry><cfform scriptsrc="x" name="a b"></cfform><cfcatch>#cfcatch.message#</cfcatch></cftry>
</cfoutput>
