<cfloop from="1" to="3" index="i">
  body
