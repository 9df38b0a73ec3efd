// The classic CFML sample: a login area (cflogin), client variables and cfform validation.
// Run it with `npx cfml serve samples` and open http://127.0.0.1:8500/classic/
component {
  this.name = "classicSample";
  this.sessionManagement = true;
  this.loginStorage = "session";      // the login lives in the session (the default is a signed cookie)
  this.clientManagement = true;
  this.clientStorage = "cookie";      // client variables in a signed cookie

  function onRequestStart(targetPage) {
    include "_login.cfm";
    return true;
  }
}
