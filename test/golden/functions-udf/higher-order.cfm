<cfscript>
writeOutput(arrayToList(arrayMap([1, 2, 3], (x) => x * x)) & "|");
writeOutput(arrayToList(arrayFilter([1, 2, 3, 4], function (x) { return x mod 2 == 0; })) & "|");
writeOutput(arrayReduce([1, 2, 3, 4], (acc, x) => acc + x, 0) & "|");
st = [a: 1, b: 2];
structEach(st, function (k, v) { writeOutput(k & v); });
writeOutput("|");
q = queryNew("n", "integer", [[1], [2], [3]]);
writeOutput(queryFilter(q, (r) => r.n > 1).recordCount & "|");
writeOutput([1, 2, 3].map((x) => x + 1).toList() & "|");
// a UDF declared with function works as a callback too
function isOdd(x) { return x mod 2; }
writeOutput(arrayToList(arrayFilter([1, 2, 3, 4, 5], isOdd)) & "|");
// the index is passed as the second argument
writeOutput(arrayToList(arrayMap(["a", "b"], (v, i) => i & v)));
</cfscript>
