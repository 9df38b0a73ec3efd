<!--- hash(s, "quick"): a fast 64-bit hash in hex, not for security; function and member give the same, iterations are refused --->
<cfscript>
writeOutput(hash("", "quick") & " " & (hash("order-1042", "quick") == "order-1042".hash("quick")) & " " & len(hash("order-1042", "quick")) & " " & (hash("a", "quick") != hash("b", "quick")));
try { hash("x", "quick", "utf-8", 3); } catch (any e) { writeOutput(" iterations refused"); }
</cfscript>
