component {
	final function locked() { return 1; }
	package final function both() { return 2; }
	function plain() { return 3; }
}
