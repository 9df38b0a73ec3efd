<!--- isJSON reads JSON5 by default (bare keys, comments); format "json" is strict JSON. isValid
      knows "json", "any" (every value), "lambda" (an arrow function) and "closure" (a function
      literal, not an arrow one, not a declared function); a boolean is a valid "float".
      isCustomFunction(f, type) tells the same three kinds: udf, closure, lambda. --->
<cfscript>
function declared() { return 1; }
writeOutput(isJSON('{a:1}') & " " & isJSON('{a:susi}') & " " & isJSON('{"a":1 /* note */}') & " " & isJSON('{"a":1 /* note */}', "json") & chr(10));
writeOutput(isValid("json", '{"x":[1,2]}') & " " & isValid("json", "{x") & " " & isValid("any", {}) & " " & isValid("float", true) & chr(10));
writeOutput(isValid("closure", function() {}) & " " & isValid("closure", () => 1) & " " & isValid("closure", declared) & chr(10));
writeOutput(isValid("lambda", () => 1) & " " & isValid("lambda", function() {}) & " " & isValid("function", () => 1) & chr(10));
writeOutput(isCustomFunction(() => 1, "closure") & " " & isCustomFunction(() => 1, "lambda") & " " & isCustomFunction(function() {}, "closure") & " " & isCustomFunction(declared, "udf") & " " & isCustomFunction(declared, "closure") & chr(10));
</cfscript>
