component extends="org.lucee.cfml.test.LuceeTestCase" {
	function testFirst() { assertTrue(true); }
	function testHangs() { while (true) { x = 1; } }
}
