component {
  this.created = true;
  variables.count = 0;
  function increment(by = 1) {
    variables.count += by;
    return this;
  }
  function getCount() { return count; }
  function makeAdder() {
    // a closure inside a method keeps the instance
    return function(n) { return count + n; };
  }
}
