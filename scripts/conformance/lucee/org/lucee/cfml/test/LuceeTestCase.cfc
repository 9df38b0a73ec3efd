/**
 * Our stand-in for the base component of Lucee's test suite (the spec components extend
 * org.lucee.cfml.test.LuceeTestCase). Written for cfml-engine's conformance runner: it runs the
 * spec's xUnit methods (test*, with beforeTests/setUp/tearDown/afterTests) or its BDD run()
 * (describe/it with beforeEach/afterEach/aroundEach), and hands every result to
 * luceeRunnerReport(json), a function the runner registers. Assertions throw
 * type "TestBox.AssertionFailed", as TestBox does; everything else a test throws is an error.
 */
component {

	// ---- entry point called by the runner's driver page ----------------------------------

	/** Runs every test of this spec; `filter` (a substring of the test name) limits them. */
	public void function $luceeRun(string filter = "") {
		variables.$filter = arguments.filter;
		variables.$suites = [];
		variables.$stack = [];
		var md = getMetadata(this);
		variables.$specPath = md.path ?: "";
		var compSkip = $skipReason(md.skip ?: "", md.labels ?: "");
		var isBDD = structKeyExists(this, "run") || structKeyExists(variables, "run");
		var names = isBDD ? [] : $testMethods(md);
		if (len(compSkip)) {
			if (isBDD) $report({suite: "", name: "(component)", status: "skip", reason: compSkip});
			for (var n in names) $report({suite: "", name: n, status: "skip", reason: compSkip});
			return;
		}
		if (!$lifecycle(["beforeAll", "beforeTests"], "beforeAll")) return;
		if (isBDD) {
			try {
				invoke(this, "run", {testResults: {}, testBox: {}});
			} catch (any e) {
				$report($errorResult("", "(run)", e));
			}
			for (var s in variables.$suites) $runSuite(s, []);
		} else {
			for (var n in names) $runMethod(n);
		}
		$lifecycle(["afterAll", "afterTests"], "afterAll");
	}

	private boolean function $lifecycle(array names, string label) {
		for (var n in arguments.names) {
			if (structKeyExists(this, n) || structKeyExists(variables, n)) {
				try {
					invoke(this, n);
				} catch (any e) {
					$report($errorResult("", "(" & n & ")", e));
					return false;
				}
			}
		}
		return true;
	}

	/** Public methods named test* (or annotated test) of the spec and its parents up to this base. */
	private array function $testMethods(struct md) {
		var out = [];
		var seen = {};
		var m = arguments.md;
		while (isStruct(m) && (m.fullname ?: m.name ?: "") != "org.lucee.cfml.test.LuceeTestCase" && structKeyExists(m, "functions")) {
			for (var f in m.functions) {
				var access = f.access ?: "public";
				if (structKeyExists(seen, f.name)) continue;
				seen[f.name] = true;
				if (access != "public" && access != "remote") continue;
				if (!reFindNoCase("^test", f.name) && !structKeyExists(f, "test")) continue;
				if (listFindNoCase("beforeTests,afterTests,setUp,tearDown", f.name)) continue;
				arrayAppend(out, {name: f.name, skip: f.skip ?: "", labels: f.labels ?: ""});
			}
			m = m.extends ?: "";
		}
		return out;
	}

	private void function $runMethod(struct m) {
		if (len(variables.$filter) && !findNoCase(variables.$filter, m.name)) return;
		var reason = $skipReason(m.skip, m.labels);
		if (len(reason)) return $report({suite: "", name: m.name, status: "skip", reason: reason});
		try {
			if (structKeyExists(this, "setUp") || structKeyExists(variables, "setUp")) invoke(this, "setUp");
			invoke(this, m.name);
			if (structKeyExists(this, "tearDown") || structKeyExists(variables, "tearDown")) invoke(this, "tearDown");
			$report({suite: "", name: m.name, status: "pass"});
		} catch (any e) {
			$report($errorResult("", m.name, e));
		}
	}

	// ---- BDD -----------------------------------------------------------------------------

	public any function describe(required string title, required any body, any labels = "", boolean asyncAll = false, any skip = false) {
		var suite = {title: arguments.title, body: arguments.body, labels: arguments.labels, skip: arguments.skip,
			specs: [], children: [], before: [], after: [], around: []};
		if (arrayLen(variables.$stack)) arrayAppend(variables.$stack[arrayLen(variables.$stack)].children, suite);
		else arrayAppend(variables.$suites, suite);
		arrayAppend(variables.$stack, suite);
		try {
			arguments.body();
		} finally {
			arrayDeleteAt(variables.$stack, arrayLen(variables.$stack));
		}
		return this;
	}
	public any function feature() { return describe(argumentCollection = arguments); }
	public any function story() { return describe(argumentCollection = arguments); }
	public any function scenario() { return describe(argumentCollection = arguments); }
	public any function given() { return describe(argumentCollection = arguments); }
	public any function when() { return describe(argumentCollection = arguments); }
	public any function fdescribe() { return describe(argumentCollection = arguments); }
	public any function xdescribe(required string title, required any body, any labels = "") {
		return describe(title = arguments.title, body = arguments.body, labels = arguments.labels, skip = true);
	}

	public any function it(required string title, required any body, any labels = "", any skip = false, struct data = {}) {
		var spec = {title: arguments.title, body: arguments.body, labels: arguments.labels, skip: arguments.skip, data: arguments.data};
		if (!arrayLen(variables.$stack)) {
			arrayAppend(variables.$suites, {title: "", body: "", labels: "", skip: false, specs: [spec], children: [], before: [], after: [], around: []});
		} else {
			arrayAppend(variables.$stack[arrayLen(variables.$stack)].specs, spec);
		}
		return this;
	}
	public any function then() { return it(argumentCollection = arguments); }
	public any function fit() { return it(argumentCollection = arguments); }
	public any function xit(required string title, required any body, any labels = "", any skip = false, struct data = {}) {
		return it(title = arguments.title, body = arguments.body, labels = arguments.labels, skip = true, data = arguments.data);
	}

	public any function beforeEach(required any body, struct data = {}) { arrayAppend($current().before, arguments.body); return this; }
	public any function afterEach(required any body, struct data = {}) { arrayAppend($current().after, arguments.body); return this; }
	public any function aroundEach(required any body, struct data = {}) { arrayAppend($current().around, arguments.body); return this; }

	private struct function $current() {
		if (!arrayLen(variables.$stack)) throw(type = "TestBox.SuiteError", message = "beforeEach/afterEach/aroundEach must be called inside describe()");
		return variables.$stack[arrayLen(variables.$stack)];
	}

	private void function $runSuite(required struct suite, required array parents) {
		var chain = duplicate(arguments.parents, false);
		arrayAppend(chain, arguments.suite);
		var titles = [];
		var reason = "";
		for (var s in chain) {
			if (len(s.title)) arrayAppend(titles, s.title);
			if (!len(reason)) reason = $skipReason(s.skip, s.labels);
		}
		var suiteName = arrayToList(titles, " > ");
		for (var spec in arguments.suite.specs) {
			if (len(variables.$filter) && !findNoCase(variables.$filter, suiteName & " > " & spec.title)) continue;
			var r = len(reason) ? reason : $skipReason(spec.skip, spec.labels);
			if (len(r)) {
				$report({suite: suiteName, name: spec.title, status: "skip", reason: r});
				continue;
			}
			try {
				for (var s in chain) for (var b in s.before) b(spec, spec.data);
				$runBody(spec, chain, 1);
				for (var i = arrayLen(chain); i >= 1; i--) for (var a in chain[i].after) a(spec, spec.data);
				$report({suite: suiteName, name: spec.title, status: "pass"});
			} catch (any e) {
				$report($errorResult(suiteName, spec.title, e));
			}
		}
		for (var child in arguments.suite.children) $runSuite(child, chain);
	}

	/** The spec's body wrapped in every aroundEach of the chain, outermost first. */
	private void function $runBody(required struct spec, required array chain, required numeric level) {
		var arounds = [];
		for (var s in arguments.chain) for (var a in s.around) arrayAppend(arounds, a);
		if (arguments.level > arrayLen(arounds)) {
			var body = arguments.spec.body;
			body(arguments.spec, arguments.spec.data);
			return;
		}
		var self = this;
		var sp = arguments.spec;
		var ch = arguments.chain;
		var next = arguments.level + 1;
		var around = arounds[arguments.level];
		around({name: sp.title, data: sp.data, body: function() { self.$runBodyPublic(sp, ch, next); }}, sp.data);
	}
	public void function $runBodyPublic(required struct spec, required array chain, required numeric level) {
		$runBody(argumentCollection = arguments);
	}

	// ---- skips ---------------------------------------------------------------------------

	/** Why a suite/spec/method is skipped ("" when it runs): skip=true, skip="methodName", a label of the runner's list. */
	private string function $skipReason(any skip, any labels) {
		var sk = arguments.skip;
		if (isCustomFunction(sk) || isClosure(sk)) sk = sk();
		if (isBoolean(sk)) {
			if (sk) return "skip=true";
		} else if (isSimpleValue(sk) && len(sk)) {
			if (structKeyExists(this, sk) || structKeyExists(variables, sk)) {
				if (invoke(this, sk)) return "skip=" & sk & "()";
			}
		}
		var lbl = isArray(arguments.labels) ? arrayToList(arguments.labels) : arguments.labels;
		var conf = request.$luceeRunner.skipLabels ?: {};
		for (var l in listToArray(lbl)) {
			l = trim(l);
			if (structKeyExists(conf, l)) return "label " & l & ": " & conf[l];
		}
		return "";
	}

	// ---- results -------------------------------------------------------------------------

	private struct function $errorResult(string suite, string name, any e) {
		var r = {suite: arguments.suite, name: arguments.name, status: "fail", type: e.type ?: "", message: e.message ?: "", detail: e.detail ?: "", line: 0, template: ""};
		var frames = e.tagContext ?: [];
		for (var f in frames) {
			if ((f.template ?: "") == variables.$specPath) { r.line = f.line; r.template = f.template; break; }
		}
		if (r.line == 0 && arrayLen(frames)) { r.line = frames[1].line ?: 0; r.template = frames[1].template ?: ""; }
		return r;
	}

	private void function $report(struct r) {
		luceeRunnerReport(serializeJSON(arguments.r));
	}

	// ---- MXUnit assertions ---------------------------------------------------------------

	public void function fail(string message = "") {
		throw(type = "TestBox.AssertionFailed", message = len(arguments.message) ? arguments.message : "Test failed");
	}
	public void function assert(required any condition, string message = "") {
		if (!$bool(arguments.condition)) fail(len(arguments.message) ? arguments.message : "Expected [true] but got [false]");
	}
	public void function assertTrue(required any condition, string message = "") {
		if (!$bool(arguments.condition)) fail(len(arguments.message) ? arguments.message : "Expected [#$show(arguments.condition)#] to be true");
	}
	public void function assertFalse(required any condition, string message = "") {
		if ($bool(arguments.condition)) fail(len(arguments.message) ? arguments.message : "Expected [#$show(arguments.condition)#] to be false");
	}
	public void function assertEquals(any expected, any actual, string message = "") {
		if (!$equal(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), false)) {
			fail($msg(arguments.message, "Expected [#$show(arguments.expected ?: nullValue())#] but received [#$show(arguments.actual ?: nullValue())#]"));
		}
	}
	public void function assertEqualsCase(any expected, any actual, string message = "") {
		if (!$equal(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), true)) {
			fail($msg(arguments.message, "Expected [#$show(arguments.expected ?: nullValue())#] but received [#$show(arguments.actual ?: nullValue())#] (case-sensitive)"));
		}
	}
	public void function assertNotEquals(any expected, any actual, string message = "") {
		if ($equal(arguments.expected ?: nullValue(), arguments.actual ?: nullValue(), false)) {
			fail($msg(arguments.message, "Expected [#$show(arguments.expected ?: nullValue())#] not to equal [#$show(arguments.actual ?: nullValue())#]"));
		}
	}
	public void function assertArrayEquals(any expected, any actual, string message = "") { assertEquals(argumentCollection = arguments); }
	public void function assertStructEquals(any expected, any actual, string message = "") { assertEquals(argumentCollection = arguments); }
	public void function assertQueryEquals(any expected, any actual, string message = "") { assertEquals(argumentCollection = arguments); }
	public void function assertNull(any actual, string message = "") {
		if (!isNull(arguments.actual)) fail($msg(arguments.message, "Expected a null value but got [#$show(arguments.actual)#]"));
	}
	public void function assertNotNull(any actual, string message = "") {
		if (isNull(arguments.actual)) fail($msg(arguments.message, "Expected a value but got null"));
	}
	public void function assertIsArray(any a, string message = "") { assertTrue(isArray(arguments.a), arguments.message); }
	public void function assertIsStruct(any a, string message = "") { assertTrue(isStruct(arguments.a), arguments.message); }
	public void function assertIsQuery(any a, string message = "") { assertTrue(isQuery(arguments.a), arguments.message); }
	public void function assertIsEmpty(any a, string message = "") { expect(arguments.a).toBeEmpty(arguments.message); }
	public void function assertIsTypeOf(any o, string type, string message = "") { assertTrue(isInstanceOf(arguments.o, arguments.type), arguments.message); }
	public void function debug() {}
	public void function addMatchers() {}

	/** The TestBox expectation object: expect(actual).toBe(expected) and the other matchers. */
	public any function expect(any actual) {
		return new Expectation(this, arguments.actual ?: nullValue(), isNull(arguments.actual));
	}
	/** `$assert.isTrue(x)`: the assertion library under its TestBox name. */
	variables.$assert = new Assertion(this);
	this.$assert = variables.$assert;

	// ---- helpers shared with Expectation/Assertion ---------------------------------------

	public boolean function $bool(any v) {
		if (isNull(arguments.v)) return false;
		if (!isSimpleValue(arguments.v)) return false;
		return isBoolean(arguments.v) && arguments.v;
	}
	public string function $msg(string given, string dflt) { return len(arguments.given) ? arguments.given : arguments.dflt; }

	/** A value as the failure message shows it: simple values as they are, others as JSON. */
	public string function $show(any v) {
		if (isNull(arguments.v)) return "null";
		if (isSimpleValue(arguments.v)) return arguments.v;
		try { return serializeJSON(arguments.v); } catch (any e) { return "{" & getMetadata(arguments.v).name ?: "complex" & "}"; }
	}

	/**
	 * TestBox's equality: nulls equal nulls; two numbers compare as numbers; two simple values with
	 * CFML's `eq` (no case, or with case when `withCase`); queries by their JSON; arrays element by
	 * element and structs key by key (same key count), recursively; functions and XML by their text.
	 */
	public boolean function $equal(any expected, any actual, boolean withCase = false) {
		var hasE = !isNull(arguments.expected);
		var hasA = !isNull(arguments.actual);
		if (!hasE || !hasA) return hasE == hasA;
		var e = arguments.expected;
		var a = arguments.actual;
		if (isSimpleValue(e) && isSimpleValue(a)) {
			if (arguments.withCase) return compare(toString(e), toString(a)) == 0;
			if (isNumeric(e) && isNumeric(a)) return toString(e) == toString(a) || val(e) == val(a);
			return e == a;
		}
		if (isQuery(e) && isQuery(a)) return serializeJSON(e) == serializeJSON(a);
		if (isCustomFunction(e) || isCustomFunction(a)) return false;
		if (isXML(e) && isXML(a)) return toString(e) == toString(a);
		if (isArray(e) && isArray(a)) {
			if (arrayLen(e) != arrayLen(a)) return false;
			for (var i = 1; i <= arrayLen(e); i++) {
				var ee = arrayIsDefined(e, i) ? e[i] : nullValue();
				var aa = arrayIsDefined(a, i) ? a[i] : nullValue();
				if (!$equal(ee ?: nullValue(), aa ?: nullValue(), arguments.withCase)) return false;
			}
			return true;
		}
		if (isStruct(e) && isStruct(a) && !isObject(e) && !isObject(a)) {
			if (structCount(e) != structCount(a)) return false;
			for (var k in e) {
				if (!structKeyExists(a, k)) return false;
				if (!$equal(e[k] ?: nullValue(), a[k] ?: nullValue(), arguments.withCase)) return false;
			}
			return true;
		}
		return false;
	}
}
