<cfoutput><footer>#pageTitle# &middot; #arrayLen(request.nav)# sections</footer>
</body></html>
</cfoutput>
