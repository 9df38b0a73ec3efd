component {
	function which() { return "first"; }
	function other() { return "other"; }
	function which() { return "second"; }
}
