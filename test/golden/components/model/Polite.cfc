component implements="IGreeter" {
  function greet() { return "Good day"; }
}
