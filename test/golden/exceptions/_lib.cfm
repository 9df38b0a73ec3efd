<cfscript>
function risky(n) {
  return n / 0;
}
</cfscript>
<cfset r = risky(4)>
