<cfset q = queryNew("id,name,grp", "integer,varchar,varchar", [[1,"Ada","staff"],[2,"Bob <b>","staff"],[3,"Cy","guest"]])>
<cfform name="reg" action="save.cfm?x=1&y=2" class="f" scriptsrc="/js/cfform.js" onsubmit="console.log('ok')">
<cfinput type="text" name="email" required="yes" message="Email please" validate="email" value='x"><script>alert(1)</script>'>
<cfinput name="age" validate="integer" range="1,120" validateat="onSubmit,onServer" maxlength="3">
<cfinput type="password" name="pw" required="true" validateAt="onServer" message="Password!">
<cfinput type="checkbox" name="agree" value="1" required="true" checked>
<cfinput type="radio" name="r" value="a" checked="false">
<cfselect name="who" query="q" value="id" display="name" selected="2" queryposition="below" required="yes"><option value="">pick</option></cfselect>
<cfselect name="grouped" query="q" value="id" display="name" group="grp" multiple="multiple" selected="1,3"></cfselect>
<cftextarea name="bio" required="true" rows="3">a < b & "c"</cftextarea>
<cfformgroup type="horizontal"><cfformitem type="text"><i>t</i></cfformitem><cfformitem type="html"><b>h</b></cfformitem><cfformitem type="hrule"/></cfformgroup>
<cfinput type="submit" name="go" value="Send">
</cfform>
<cfform scriptsrc="/js/cfform.js" method="get"><cfinput name="zip" validate="zipcode" onError="zipErr" pattern="x"></cfform>
