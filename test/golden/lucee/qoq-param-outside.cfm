<cfqueryparam value="1">
