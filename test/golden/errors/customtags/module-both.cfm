<cfmodule template="x.cfm" name="y">
