<cfinclude template="../_inc-c.cfm"><cfset sub = "sub+" & c>
