// custom tag: onError absorbs errors unless attributes.rethrow; onFinally always runs
component {
  function onStartTag(struct attributes, struct caller) {
    variables.rethrow = structKeyExists(attributes, "rethrow");
    if (attributes.failAt EQ "start") throw(type = "Custom.Start", message = "start failed");
  }
  function onEndTag(struct attributes, struct caller, string generatedContent) {
    if (attributes.failAt EQ "end") throw(type = "Custom.End", message = "end failed");
    writeOutput(arguments.generatedContent);
  }
  function onError(struct cfcatch, string source) {
    writeOutput("{onError #arguments.source#: #arguments.cfcatch.message#}");
    return variables.rethrow;
  }
  function onFinally() {
    writeOutput("{finally}");
  }
}
