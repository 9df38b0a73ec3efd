<!--- Demo users only: a real application checks a password hash in its database. --->
<cfsilent>
<cflogin idletimeout="1800">
  <cfif isDefined("cflogin")>
    <cfif cflogin.name eq "admin" and cflogin.password eq "admin-demo">
      <cfloginuser name="admin" password="#cflogin.password#" roles="admin,user">
    <cfelseif cflogin.name eq "guest" and cflogin.password eq "guest-demo">
      <cfloginuser name="guest" password="#cflogin.password#" roles="user">
    <cfelse>
      <cfset request.loginFailed = true>
    </cfif>
  </cfif>
</cflogin>
</cfsilent>
