<cfscript>
savecontent variable="sc" { writeOutput("captured"); }
writeOutput("[" & sc & "]");
param name="pp" default="1";
param name="url.qq" default="u";
param name="pp" default="not used";
writeOutput(pp & url.qq & "|");
lock name="x" type="exclusive" timeout="5" { writeOutput("locked|"); }
cfloop(from=1, to=3, index="i") { writeOutput(i); }
writeOutput("|");
loop from=1 to=2 index="j" { writeOutput(j); }
writeOutput("|");
cfsavecontent(variable="s2") { writeOutput("s2"); }
writeOutput(s2 & "|");
cfparam(name="p2", default=42);
writeOutput(p2 & "|");
cfheader(name="X-Test", value="1");
cfloop(list="a,b", index="item") { writeOutput(item); }
</cfscript>
