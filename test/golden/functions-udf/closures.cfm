<cfscript>
function makeCounter() {
  var count = 0;
  return function () { count++; return count; };
}
c1 = makeCounter();
c1(); c1();
c2 = makeCounter();
writeOutput(c1() & "," & c2() & "|");
double = x => x * 2;
add = (a, b) => { return a + b; };
noArgs = () => "none";
writeOutput(double(4) & "," & add(2, 3) & "," & noArgs() & "|");
function apply(f, v) { return f(v); }
writeOutput(apply(double, 21) & "," & apply(function (s) { return uCase(s); }, "up") & "|");
function adder(n) { return (x) => x + n; }
writeOutput(adder(10)(5) & "|");
add5 = adder(5);
writeOutput(add5(1) & "|");
// a closure sees the page variables where it was defined, also when they change later
prefix = "a";
show = () => prefix & "!";
prefix = "b";
writeOutput(show() & "|");
// a closure can assign to the variables of its defining function
function outer() {
  var total = 0;
  [1, 2, 3].each(function (v) { total += v; });
  return total;
}
writeOutput(outer() & "|");
writeOutput(isCustomFunction(makeCounter) & "," & isClosure(makeCounter) & "," & isClosure(double) & "," & isClosure(c1) & "|");
fns = { twice: double };
writeOutput(fns.twice(8) & "," & fns["twice"](9));
</cfscript>
