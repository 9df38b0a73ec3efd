<cfif true>
never closed
