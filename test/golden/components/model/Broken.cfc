component implements="IGreeter" {
  function wave() { return "hi"; }
}
