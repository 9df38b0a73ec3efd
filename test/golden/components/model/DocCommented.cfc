/**
 * A script component with a doc comment before it: the comment is no code outside the component.
 */
abstract component hint="documented" {
	function hello() { return "hello"; }
}
