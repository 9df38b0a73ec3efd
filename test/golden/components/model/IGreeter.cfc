interface {
  function greet();
}
