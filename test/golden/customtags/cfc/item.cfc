// custom tag: a child of cf_menu; init receives the parent tag's instance
component {
  function init(required boolean hasEndTag, component parent) {
    variables.hasParent = structKeyExists(arguments, "parent") AND isObject(arguments.parent);
  }
  function onStartTag(struct attributes, struct caller) {
    attributes.label &= variables.hasParent ? "*" : "";
    cfassociate(basetag = "cf_menu");
    return false;
  }
}
