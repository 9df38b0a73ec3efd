component {
  static {
    static.count = 0;
    static.label = "registry";
  }
  static function create(name) {
    static.count++;
    return new Registry(name);
  }
  static function total() { return static.count; }
  function init(name) { variables.name = name; return this; }
  function getName() { return name; }
}
