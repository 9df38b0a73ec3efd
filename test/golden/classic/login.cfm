<!--- url: x=1 --->
<cfoutput>[#getAuthUser()#|#isUserLoggedIn()#|#isUserInRole("admin")#]</cfoutput>
<cflogin><cfoutput>body runs: cflogin defined=#isDefined("cflogin")#</cfoutput></cflogin>
<cfloginuser name="Ada" password="secret" roles="Admin , editor">
<cfoutput>[#getAuthUser()#|#isUserLoggedIn()#|#isUserInRole("admin")#|#isUserInRole("x,EDITOR")#|#isUserInRole("x")#|#isUserInAnyRole("y, editor")#|#isUserInAnyRole()#]</cfoutput>
<cflogin>not run when logged in</cflogin>
<cflogout>
<cfoutput>[#getAuthUser()#|#isUserLoggedIn()#|#isUserInAnyRole()#]</cfoutput>
