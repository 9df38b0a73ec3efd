<cfscript>
shared = "page var";
include "_included.cfm";
writeOutput("|" & fromInclude & "|");
name = "_included.cfm";
include name;
writeOutput("|");
include template="_included.cfm";
writeOutput("|done");
abort;
writeOutput("not reached");
</cfscript>
not reached either
