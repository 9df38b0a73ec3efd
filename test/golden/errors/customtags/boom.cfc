// custom tag: a CFC-based tag whose onStartTag fails, with no onError
component {
  function onStartTag(struct attributes, struct caller) {
    var n = attributes.missingAttribute;
  }
}
