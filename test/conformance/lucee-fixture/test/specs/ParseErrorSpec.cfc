component extends="org.lucee.cfml.test.LuceeTestCase" {
	function testBroken() {
		assertEquals(1, (1 + );
	}
}
