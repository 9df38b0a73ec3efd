<cfscript>
x = 1;
if (x == 1 {
  writeOutput("x");
}
</cfscript>
