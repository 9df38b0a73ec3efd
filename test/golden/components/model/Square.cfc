component extends="Shape" {
  function init() {
    super.init();
    variables.sides = 4;
    return this;
  }
  function name() { return "square"; }
  function sideText() { return "four equal sides (base says: " & super.sideText() & ")"; }
}
