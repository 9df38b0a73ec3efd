<!--- A script component may sit inside one cfscript block, with comments around it. --->
<cfscript>
component {
	function hello() { return "hello from a cfscript block"; }
	private function secret(n) { return "secret " & n; }
	function viaInvoke(n) { return invoke(this, "secret", [n]); }
}
</cfscript>
<!--- trailing comment --->
