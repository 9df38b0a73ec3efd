<cfelse>
