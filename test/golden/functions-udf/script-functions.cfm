<cfscript>
// hoisting: callable before the declaration
writeOutput(early(3) & "|");
function early(n) { return n * 2; }
public string function greet(required string name, numeric times = 2) {
  var out = "";
  for (var i = 1; i <= arguments.times; i++) out &= "hi " & arguments.name & ";";
  return out;
}
writeOutput(greet("bob") & "|");
writeOutput(greet(name="al", times=1) & "|");
writeOutput(greet(argumentCollection={name: "zed", times: 3}) & "|");
writeOutput(GREET("case") & "|");
// a default can use an earlier argument
function range(from, to = from + 2) { return from & "-" & to; }
writeOutput(range(5) & "," & range(1, 9) & "|");
private numeric function sq(numeric x) { return x * x; }
writeOutput(sq(7) & "|");
function noReturn() { x = 1; }
writeOutput(isNull(noReturn()) & "|");
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
writeOutput(fact(10));
</cfscript>
