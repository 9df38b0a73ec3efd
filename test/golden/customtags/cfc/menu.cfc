// custom tag: a parent that collects its items through cfassociate
component {
  function onStartTag(struct attributes, struct caller) {
    writeOutput("<ul>");
  }
  function onEndTag(struct attributes, struct caller, string generatedContent) {
    for (var item in this.AssocAttribs) writeOutput("<li>#item.label#</li>");
    writeOutput("</ul>(#getBaseTagList()#)");
  }
}
