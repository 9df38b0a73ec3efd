/** `$assert` of our LuceeTestCase: TestBox's assertion names over the same checks as expect(). */
component {
	public any function init(required any tc) { variables.tc = arguments.tc; return this; }
	public any function isTrue(any actual, string message = "") { variables.tc.assertTrue(arguments.actual ?: false, arguments.message); return this; }
	public any function isFalse(any actual, string message = "") { variables.tc.assertFalse(arguments.actual ?: true, arguments.message); return this; }
	public any function isEqual(any expected, any actual, string message = "") { variables.tc.assertEquals(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), arguments.message); return this; }
	public any function isNotEqual(any expected, any actual, string message = "") { variables.tc.assertNotEquals(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), arguments.message); return this; }
	public any function isEqualWithCase(any expected, any actual, string message = "") { variables.tc.assertEqualsCase(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), arguments.message); return this; }
	public any function null(any actual, string message = "") { variables.tc.assertNull(arguments.actual ?: nullValue(), arguments.message); return this; }
	public any function notNull(any actual, string message = "") { variables.tc.assertNotNull(arguments.actual ?: nullValue(), arguments.message); return this; }
	public any function fail(string message = "") { variables.tc.fail(arguments.message); }
	public any function key(any target, string key, string message = "") { variables.tc.expect(arguments.target).toHaveKey(arguments.key, arguments.message); return this; }
	public any function includes(any target, any needle, string message = "") { variables.tc.expect(arguments.target).toInclude(arguments.needle, arguments.message); return this; }
	public any function lengthOf(any target, numeric length, string message = "") { variables.tc.expect(arguments.target).toHaveLength(arguments.length, arguments.message); return this; }
	public any function isEmpty(any target, string message = "") { variables.tc.expect(arguments.target).toBeEmpty(arguments.message); return this; }
	public any function isNotEmpty(any target, string message = "") { variables.tc.expect(arguments.target).notToBeEmpty(arguments.message); return this; }
	public any function typeOf(string type, any actual, string message = "") { variables.tc.expect(arguments.actual).toBeTypeOf(arguments.type, arguments.message); return this; }
	public any function throws(any target, string type = "", string regex = ".*", string message = "") { variables.tc.expect(arguments.target).toThrow(arguments.type, arguments.regex, arguments.message); return this; }
	public any function match(any actual, string regex, string message = "") { variables.tc.expect(arguments.actual).toMatch(arguments.regex, arguments.message); return this; }
}
