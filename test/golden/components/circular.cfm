<cfset a = new cycle.A()>
