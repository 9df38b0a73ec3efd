<cfscript>
x = 1;
cfif ();
</cfscript>
