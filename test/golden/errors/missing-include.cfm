<p>start</p>
<cfinclude template="_does-not-exist.cfm">
