component accessors="true" output="false" hint="A cart" {
  property name="owner" type="string" default="nobody";
  variables.items = [];
  function init(string owner = "guest") {
    setOwner(arguments.owner);
    return this;
  }
  public any function add(required string item, numeric qty = 1) {
    arrayAppend(variables.items, qty & "x " & item);
    return this;
  }
  public numeric function count() { return arrayLen(variables.items); }
  public string function summary() { return getOwner() & ": " & arrayToList(variables.items, ", ") & " (" & secret() & ")"; }
  private string function secret() { return "private ok"; }
}
