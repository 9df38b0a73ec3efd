<!--- A deliberate error: the loop is never closed. Running it must fail with a clear message. --->
<cfset items = ["a", "b"]>
<ul>
<cfloop array="#items#" item="it">
  <cfoutput><li>#it#</li></cfoutput>
</ul>
