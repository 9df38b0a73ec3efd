/** A small JSON API: remote functions of the components here answer /api/Contacts.cfc?method=... */
component {
  this.name = "cfml-sample-api";

  /** Any .cfm or .cfc that does not exist under /api/ gets this answer instead of the bare 404. */
  function onMissingTemplate(required string targetPage) {
    cfheader(statuscode = 404);
    writeOutput("No page at " & encodeForHTML(arguments.targetPage) & ". Try Contacts.cfc?method=search&q=ada");
    return true;
  }
}
