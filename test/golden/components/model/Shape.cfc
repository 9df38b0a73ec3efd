component {
  function init() {
    variables.sides = 0;
    return this;
  }
  function describe() {
    // unscoped: a subclass override of sideText() wins
    return name() & " with " & sideText();
  }
  function name() { return "shape"; }
  function sideText() { return sides & " sides"; }
}
