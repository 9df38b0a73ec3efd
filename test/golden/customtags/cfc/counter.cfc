// custom tag: onEndTag returning true runs the body again
component {
  function onStartTag(struct attributes, struct caller) {
    variables.n = 0;
    caller.i = 0;
  }
  function onEndTag(struct attributes, struct caller, string generatedContent) {
    variables.n++;
    writeOutput("[" & trim(arguments.generatedContent) & "]");
    caller.i = variables.n;
    return variables.n LT attributes.times;
  }
}
