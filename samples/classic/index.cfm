<html>
<head><title>Classic CFML</title></head>
<body>
<cfhtmlhead text='<meta name="description" content="cflogin, client variables and cfform">'>
<cfset colors = queryNew("id,label", "varchar,varchar", [["r", "Red"], ["g", "Green"]])>
<cfif not isUserLoggedIn()>
  <h1>Log in</h1>
  <cfif structKeyExists(request, "loginFailed")><p class="error">Wrong user name or password.</p></cfif>
  <p>Try admin / admin-demo or guest / guest-demo.</p>
  <cfform name="login" action="index.cfm">
    <label>User <cfinput type="text" name="j_username" required="yes" message="Enter your user name"></label>
    <label>Password <cfinput type="password" name="j_password" required="yes" message="Enter your password"></label>
    <cfinput type="submit" name="go" value="Log in">
  </cfform>
<cfelse>
  <cfoutput>
  <h1>Hello #encodeForHTML(getAuthUser())#</h1>
  <p>Visit #client.hitCount# from this browser<cfif isUserInRole("admin")>; you are an administrator</cfif>.</p>
  </cfoutput>
  <cfform name="profile" action="profile.cfm">
    <label>Name <cfinput type="text" name="name" required="yes" message="Please enter your name" validateAt="onSubmit,onServer"></label>
    <label>Age <cfinput type="text" name="age" validate="integer" range="1,130" validateAt="onSubmit,onServer"></label>
    <cfselect name="color" query="colors" value="id" display="label" queryPosition="below"><option value="">(none)</option></cfselect>
    <cfinput type="submit" name="save" value="Save">
  </cfform>
  <p><a href="logout.cfm">Log out</a></p>
</cfif>
</body>
</html>
