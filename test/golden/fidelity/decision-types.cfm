<!--- What the decision and search functions return, as Lucee 6/7 types them (core-base.fld): the
      decision functions a boolean, the search functions the position (0 when absent), which is why
      arrayContains([{a:1}], {a:1}) prints 1 (complex values compared deeply). --->
<cfscript>
people = [{name: "ann"}, {name: "bob"}];
writeOutput("positions: " & arrayContains(people, {name: "bob"}) & " " & people.contains({NAME: "bob"}) & " " & arrayContainsNoCase(["A", "b"], "B") & " " & arrayFind(people, {name: "ann"}) & " " & arrayContains(people, {name: "eve"}) & " " & listFind("a,b", "b") & " " & listContains("ab,cd", "d") & " " & find("b", "abc") & "<br>");
writeOutput("booleans: " & structKeyExists({a: 1}, "a") & " " & {a: 1}.keyExists("b") & " " & arrayIsDefined([1], 1) & " " & listIndexExists("a,b", 3) & " " & arrayIsEmpty([]) & " " & isDefined("people") & " " & isNull(nothing) & " " & queryColumnExists(queryNew("x"), "x") & "<br>");
writeOutput("mutators: " & arrayAppend([], 1) & " " & structDelete({a: 1}, "a") & " " & structInsert({}, "k", 1) & " " & arrayDeleteAt([1], 1) & " " & arraySwap([1, 2], 1, 2) & " " & structClear({a: 1}) & "<br>");
writeOutput("deep: " & objectEquals({a: [1, {b: "X"}]}, {A: [1, {B: "x"}]}) & " " & objectEquals([1, 2], [2, 1]) & "<br>");
// JSON keeps the types apart: numbers stay numbers, booleans booleans
writeOutput(serializeJSON([arrayContains(people, {name: "bob"}), structKeyExists({}, "x"), arrayFindNoCase(["x"], "X"), isArray(people)]));
</cfscript>
<cfif arrayContains(people, {name: "ann"})><cfoutput> tag: found at #arrayContains(people, {name: "ann"})#</cfoutput></cfif>
