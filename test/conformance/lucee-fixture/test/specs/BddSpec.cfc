component extends="org.lucee.cfml.test.LuceeTestCase" {
	function beforeAll() { variables.base = 10; }
	function run(testResults, testBox) {
		describe("a BDD suite", function() {
			beforeEach(function() { variables.counter = base; });
			it("passes with expect matchers", function() {
				expect(counter + 1).toBe(11);
				expect("Hello").toBeWithCase("Hello");
				expect([1, 2, 3]).toHaveLength(3);
				expect({a: 1}).toHaveKey("a");
				expect("abc").toInclude("B");
				expect("abc").toMatch("^A");
				expect(true).toBeTrue();
				expect(5).toBeGT(4);
				expect(function() { throw(type="My.Type", message="boom"); }).toThrow("My.Type");
				expect(1).notToBe(2);
				$assert.isTrue(1 == 1);
			});
			it("fails on a wrong value", function() {
				expect(counter).toBe(99);
			});
			it(title="is skipped by skip=true", skip=true, body=function() {
				fail("a skipped spec must not run");
			});
			it(title="is skipped by a database label", labels="mysql", body=function() {
				fail("a skipped spec must not run");
			});
			xit("is skipped by xit", function() {
				fail("a skipped spec must not run");
			});
			it("needs a function the engine does not have", function() {
				expect(noSuchBuiltinFunctionAnywhere(1)).toBe(1);
			});
		});
	}
}
