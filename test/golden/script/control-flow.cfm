<cfscript>
function classify(x) {
  if (x == 1) {
    return "one";
  } else if (x == 5) {
    return "five";
  } else {
    return "other";
  }
}
writeOutput(classify(1) & classify(5) & classify(9) & "|");
// if without braces, nested else binds to the nearest if
if (true) if (false) writeOutput("no"); else writeOutput("inner-else");
writeOutput("|");
for (k = 1; k <= 3; k++) writeOutput(k);
writeOutput("|");
for (var m = 10; m > 0; m -= 4) { writeOutput(m & ","); }
writeOutput("|");
n = 0;
while (n < 10) {
  n++;
  if (n mod 2 == 0) continue;
  if (n > 6) break;
  writeOutput(n);
}
writeOutput("|n=" & n & "|");
d = 10;
do { d++; } while (d < 5);
writeOutput("d=" & d & "|");
e = 0;
do e += 2; while (e < 7);
writeOutput("e=" & e & "|");
// break and continue in nested loops act on the inner loop
for (a = 1; a <= 3; a++) {
  for (b = 1; b <= 3; b++) {
    if (b == 2) continue;
    if (b == 3) break;
    writeOutput(a & b & " ");
  }
}
writeOutput("|");
for (;;) { break; }
writeOutput("end");
</cfscript>
