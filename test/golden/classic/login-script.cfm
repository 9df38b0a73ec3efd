<cfscript>
cflogin(idletimeout = 100) {
  writeOutput("body runs;");
  cfloginuser(name = "ada", password = "x", roles = "admin");
}
writeOutput(getAuthUser() & "|" & isUserInRole("admin") & ";");
logout;
writeOutput(isUserLoggedIn() & ";");
login {
  loginuser name="bob" password="y" roles="r";
}
writeOutput(getAuthUser() & ";");
cflogout();
writeOutput("[" & getAuthUser() & "];");
logout = "a variable still";
writeOutput(logout);
</cfscript>
