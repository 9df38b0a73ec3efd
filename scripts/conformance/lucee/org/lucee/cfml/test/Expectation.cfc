/**
 * expect(actual) of our LuceeTestCase: TestBox's matchers written for cfml-engine's conformance
 * runner. Every matcher has a negated form through onMissingMethod: notToBe, notToHaveKey...
 * A failed match throws type "TestBox.AssertionFailed".
 */
component {
	public any function init(required any tc, any actual, boolean isNullActual = false) {
		variables.tc = arguments.tc;
		variables.isNullActual = arguments.isNullActual || isNull(arguments.actual);
		if (!variables.isNullActual) variables.actual = arguments.actual;
		variables.isNot = false;
		return this;
	}

	/** notToX(...) is toX(...) negated. */
	public any function onMissingMethod(string missingMethodName, struct missingMethodArguments) {
		var n = arguments.missingMethodName;
		if (reFindNoCase("^not", n) && len(n) > 3) {
			variables.isNot = !variables.isNot;
			var target = mid(n, 4, len(n));
			if (reFindNoCase("^be", target)) target = "to" & target; // toNotBe / notBe forms
			return invoke(this, target, arguments.missingMethodArguments);
		}
		if (reFindNoCase("^toNot", n)) {
			variables.isNot = !variables.isNot;
			return invoke(this, "to" & mid(n, 6, len(n)), arguments.missingMethodArguments);
		}
		throw(type = "TestBox.MatcherNotFound", message = "expect() has no matcher [#n#]");
	}

	private any function check(boolean ok, string message, string dflt) {
		if (arguments.ok == variables.isNot) {
			variables.tc.fail(len(arguments.message) ? arguments.message : (variables.isNot ? "[not] " : "") & arguments.dflt);
		}
		return this;
	}
	private any function act() { return variables.isNullActual ? nullValue() : variables.actual; }
	private string function shown() { return variables.isNullActual ? "null" : variables.tc.$show(variables.actual); }

	public any function toBe(any expected, string message = "") {
		return check(variables.tc.$equal(arguments.expected ?: nullValue(), act() ?: nullValue(), false), arguments.message,
			"Expected [#variables.tc.$show(arguments.expected ?: nullValue())#] but received [#shown()#]");
	}
	public any function toBeWithCase(any expected, string message = "") {
		return check(variables.tc.$equal(arguments.expected ?: nullValue(), act() ?: nullValue(), true), arguments.message,
			"Expected [#variables.tc.$show(arguments.expected ?: nullValue())#] but received [#shown()#] (case-sensitive)");
	}
	public any function toEqual() { return toBe(argumentCollection = arguments); }
	public any function toBeTrue(string message = "") {
		return check(!variables.isNullActual && isSimpleValue(variables.actual) && isBoolean(variables.actual) && variables.actual, arguments.message, "Expected [#shown()#] to be true");
	}
	public any function toBeFalse(string message = "") {
		return check(!variables.isNullActual && isSimpleValue(variables.actual) && isBoolean(variables.actual) && !variables.actual, arguments.message, "Expected [#shown()#] to be false");
	}
	public any function toBeNull(string message = "") { return check(variables.isNullActual, arguments.message, "Expected [#shown()#] to be null"); }
	public any function toBeEmpty(string message = "") {
		return check(variables.isNullActual || sizeOf(variables.actual) == 0, arguments.message, "Expected [#shown()#] to be empty");
	}
	public any function toHaveLength(required numeric length, string message = "") {
		return check(!variables.isNullActual && sizeOf(variables.actual) == arguments.length, arguments.message,
			"Expected [#shown()#] to have length [#arguments.length#]");
	}
	public any function toHaveKey(required string key, string message = "") {
		var ok = !variables.isNullActual && isStruct(variables.actual);
		if (ok) for (var k in listToArray(arguments.key)) if (!structKeyExists(variables.actual, trim(k))) ok = false;
		return check(ok, arguments.message, "Expected [#shown()#] to have key [#arguments.key#]");
	}
	public any function toHaveKeyWithCase(required string key, string message = "") {
		var ok = !variables.isNullActual && isStruct(variables.actual);
		if (ok) for (var k in listToArray(arguments.key)) if (!arrayFind(structKeyArray(variables.actual), trim(k))) ok = false;
		return check(ok, arguments.message, "Expected [#shown()#] to have key [#arguments.key#] (case-sensitive)");
	}
	public any function toInclude(required any needle, string message = "") {
		return check(includes(arguments.needle, false), arguments.message, "Expected [#shown()#] to include [#variables.tc.$show(arguments.needle)#]");
	}
	public any function toIncludeWithCase(required any needle, string message = "") {
		return check(includes(arguments.needle, true), arguments.message, "Expected [#shown()#] to include [#variables.tc.$show(arguments.needle)#] (case-sensitive)");
	}
	public any function toContain() { return toInclude(argumentCollection = arguments); }
	public any function toMatch(required string regex, string message = "") {
		return check(!variables.isNullActual && isSimpleValue(variables.actual) && reFindNoCase(arguments.regex, variables.actual) > 0, arguments.message,
			"Expected [#shown()#] to match [#arguments.regex#]");
	}
	public any function toMatchWithCase(required string regex, string message = "") {
		return check(!variables.isNullActual && isSimpleValue(variables.actual) && reFind(arguments.regex, variables.actual) > 0, arguments.message,
			"Expected [#shown()#] to match [#arguments.regex#] (case-sensitive)");
	}
	public any function toBeTypeOf(required string type, string message = "") {
		return check(!variables.isNullActual && typeIs(arguments.type, variables.actual), arguments.message, "Expected [#shown()#] to be of type [#arguments.type#]");
	}
	public any function toBeInstanceOf(required string typeName, string message = "") {
		return check(!variables.isNullActual && isObject(variables.actual) && isInstanceOf(variables.actual, arguments.typeName), arguments.message,
			"Expected an instance of [#arguments.typeName#]");
	}
	public any function toBeArray(string message = "") { return toBeTypeOf("array", arguments.message); }
	public any function toBeStruct(string message = "") { return toBeTypeOf("struct", arguments.message); }
	public any function toBeQuery(string message = "") { return toBeTypeOf("query", arguments.message); }
	public any function toBeString(string message = "") { return toBeTypeOf("string", arguments.message); }
	public any function toBeNumeric(string message = "") { return toBeTypeOf("numeric", arguments.message); }
	public any function toBeBoolean(string message = "") { return toBeTypeOf("boolean", arguments.message); }
	public any function toBeDate(string message = "") { return toBeTypeOf("date", arguments.message); }
	public any function toBeXml(string message = "") { return toBeTypeOf("xml", arguments.message); }
	public any function toBeComponent(string message = "") { return toBeTypeOf("component", arguments.message); }
	public any function toBeClosure(string message = "") { return toBeTypeOf("closure", arguments.message); }
	public any function toBeUDF(string message = "") { return toBeTypeOf("function", arguments.message); }
	public any function toBeSimpleValue(string message = "") { return check(!variables.isNullActual && isSimpleValue(variables.actual), arguments.message, "Expected [#shown()#] to be a simple value"); }
	public any function toBeJson(string message = "") { return check(!variables.isNullActual && isSimpleValue(variables.actual) && isJSON(variables.actual), arguments.message, "Expected [#shown()#] to be JSON"); }
	public any function toBeGT(required any target, string message = "") { return check(!variables.isNullActual && variables.actual > arguments.target, arguments.message, "Expected [#shown()#] > [#arguments.target#]"); }
	public any function toBeGTE(required any target, string message = "") { return check(!variables.isNullActual && variables.actual >= arguments.target, arguments.message, "Expected [#shown()#] >= [#arguments.target#]"); }
	public any function toBeLT(required any target, string message = "") { return check(!variables.isNullActual && variables.actual < arguments.target, arguments.message, "Expected [#shown()#] < [#arguments.target#]"); }
	public any function toBeLTE(required any target, string message = "") { return check(!variables.isNullActual && variables.actual <= arguments.target, arguments.message, "Expected [#shown()#] <= [#arguments.target#]"); }
	public any function toBeBetween(required any min, required any max, string message = "") {
		return check(!variables.isNullActual && variables.actual >= arguments.min && variables.actual <= arguments.max, arguments.message,
			"Expected [#shown()#] to be between [#arguments.min#] and [#arguments.max#]");
	}
	public any function toBeCloseTo(required numeric expected, required numeric delta, string datepart = "", string message = "") {
		return check(!variables.isNullActual && abs(variables.actual - arguments.expected) <= arguments.delta, arguments.message,
			"Expected [#shown()#] to be within [#arguments.delta#] of [#arguments.expected#]");
	}
	/** The actual value is a function: calling it must throw (of `type` when given, message or detail matching `regex`). */
	public any function toThrow(string type = "", string regex = ".*", string message = "") {
		var threw = false;
		var why = "did not throw";
		try {
			var f = variables.actual;
			f();
		} catch (any e) {
			threw = (!len(arguments.type) || e.type == arguments.type) && (reFindNoCase(arguments.regex, e.message) || reFindNoCase(arguments.regex, e.detail ?: ""));
			why = "threw [#e.type#] #e.message#";
		}
		return check(threw, arguments.message, "Expected a throw#len(arguments.type) ? ' of type [' & arguments.type & ']' : ''#: #why#");
	}

	private numeric function sizeOf(any v) {
		if (isSimpleValue(arguments.v)) return len(arguments.v);
		if (isArray(arguments.v)) return arrayLen(arguments.v);
		if (isQuery(arguments.v)) return arguments.v.recordCount;
		if (isStruct(arguments.v)) return structCount(arguments.v);
		return len(arguments.v);
	}
	private boolean function includes(any needle, boolean withCase) {
		if (variables.isNullActual) return false;
		var a = variables.actual;
		if (isSimpleValue(a)) return arguments.withCase ? find(arguments.needle, a) > 0 : findNoCase(arguments.needle, a) > 0;
		if (isArray(a)) {
			for (var x in a) if (!isNull(x) && variables.tc.$equal(arguments.needle, x, arguments.withCase)) return true;
			return false;
		}
		if (isStruct(a)) return structKeyExists(a, arguments.needle);
		return false;
	}
	private boolean function typeIs(string type, any v) {
		switch (arguments.type) {
			case "closure": return isClosure(arguments.v);
			case "function": case "udf": return isCustomFunction(arguments.v) || isClosure(arguments.v);
			case "component": return isObject(arguments.v);
			case "xml": return isXML(arguments.v);
			default: return isValid(arguments.type, arguments.v);
		}
	}
}
