<cfinclude>
