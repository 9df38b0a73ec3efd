// custom tag: attributes declared in variables.metadata, with attributetype fixed
component {
  variables.metadata = {
    attributetype: "fixed",
    attributes: {
      size: { required: true, type: "numeric" },
      color: { required: false, type: "string", default: "red" }
    }
  };
  function onStartTag(struct attributes, struct caller) {
    writeOutput("[#attributes.size# #attributes.color#]");
    return false;
  }
}
