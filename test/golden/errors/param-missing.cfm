<cfparam name="e" type="string">
