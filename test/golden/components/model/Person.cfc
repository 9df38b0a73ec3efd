/**
 * A person who greets.
 * @author Ada
 */
component accessors="true" output="false" {
  property name="name" type="string";
  property numeric age default=0;
  property string nickname setter=false default="none";

  function init(required string name) {
    variables.name = arguments.name;
    return this;
  }

  public string function greet() {
    return "Hello, I am " & variables.name & " (" & describe() & ")";
  }

  private string function describe() {
    return "age " & age;
  }

  package string function packaged() {
    return "package call of " & name;
  }
}
