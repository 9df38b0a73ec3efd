<cfscript>
// a line comment
x = 1; // after a statement
/* a block
   comment x = 2; */
y = /* inline */ 2;
s = "// not a comment";
t = "/* nor this */";
writeOutput(x & y & s & t);
</cfscript>
