<!--- isValid: usdate/eurodate check the written form (one separator used twice; a date value is no date string); credit card digits may be grouped by blanks, dashes or commas; a URL host is made of proper labels; a number is a valid date --->
<cfscript>
writeOutput(isValid("usdate", "4/30/2019") & isValid("usdate", "4/30.2019") & isValid("usdate", createDate(2019, 4, 30)) & isValid("eurodate", "30.4.2019") & isValid("eurodate", "30-4/2019") & " ");
writeOutput(isValid("creditcard", "4111,1111,1111,1111") & isValid("creditcard", "4111 1111-1111 1111") & isValid("creditcard", "4111,1111,1111,1112") & " ");
writeOutput(isValid("url", "https://shop.example.org/a?b=1") & isValid("url", "http://x") & isValid("url", "http://.") & isValid("url", "http://-a.example") & isValid("url", "http://[::1]:8080/") & " ");
writeOutput(isValid("date", 45000) & isValid("date", "45000.25") & isDate(45000) & isValid("date", "never"));
</cfscript>
