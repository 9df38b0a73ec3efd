// custom tag: a CFC-based panel used by the pages in this directory
component {
  variables.calls = [];
  function init(required boolean hasEndTag, component parent) {
    variables.calls.append("init(hasEndTag=#arguments.hasEndTag#)");
  }
  function onStartTag(struct attributes, struct caller) {
    param name="attributes.title" default="Untitled";
    variables.calls.append("start");
    writeOutput("<section><h2>#attributes.title#</h2>");
    return structKeyExists(attributes, "show") ? attributes.show : true;
  }
  function onEndTag(struct attributes, struct caller, string generatedContent) {
    variables.calls.append("end");
    writeOutput("<div>" & uCase(trim(arguments.generatedContent)) & "</div></section>");
    caller.panelCalls = arrayToList(variables.calls);
    return false;
  }
}
