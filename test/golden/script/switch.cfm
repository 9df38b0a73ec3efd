<cfscript>
function sw(v) {
  var out = "";
  switch (v) {
    case "a":
      out &= "A";
      break;
    case "B":
      out &= "B";
    case "c":
      out &= "C";
      break;
    case 1:
    case 2:
      out &= "12";
      break;
    default:
      out &= "D";
  }
  return out;
}
// string cases match case-insensitively; B falls through into c; 1 and 2 share a body
writeOutput(sw("a") & "," & sw("b") & "," & sw("C") & "," & sw(1) & "," & sw("2") & "," & sw(2.0) & "," & sw("zz") & "|");
// default in the middle is only taken when nothing matches, and falls through too
switch (9) {
  case 1: writeOutput("1");
  default: writeOutput("def");
  case 2: writeOutput("2"); break;
}
writeOutput("|");
switch (3) {
  case 1: writeOutput("1");
}
writeOutput("none|");
// break inside a switch inside a loop leaves only the switch
for (i = 1; i <= 3; i++) {
  switch (i) {
    case 2: writeOutput("two"); break;
    default: writeOutput(i);
  }
}
</cfscript>
