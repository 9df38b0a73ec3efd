<cfinclude template="_included-broken.cfm">
