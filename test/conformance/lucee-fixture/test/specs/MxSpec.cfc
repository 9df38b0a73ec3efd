<!--- an MXUnit-style spec in a cfscript block, as many of Lucee's are --->
<cfscript>
component extends="org.lucee.cfml.test.LuceeTestCase" {
	function setUp() { variables.list = "a,b,c"; }
	function testPasses() {
		assertEquals(3, listLen(list));
		assertEquals("A", "a");
		assertTrue(listFind(list, "b"));
		assertFalse(listFind(list, "z"));
		assertEquals([1, {x: "y"}], [1, {x: "Y"}]);
	}
	function testFails() {
		assertEquals("a-b-c", list, "the list keeps its commas");
	}
	function testSkipped() skip=true {
		fail("a skipped test must not run");
	}
	function testNeedsJava() {
		var sb = createObject("java", "java.lang.StringBuilder");
		assertTrue(isObject(sb));
	}
	private function testPrivateIsNotATest() {
		fail("private methods are not tests");
	}
}
</cfscript>
