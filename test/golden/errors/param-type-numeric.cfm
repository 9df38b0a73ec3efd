<cfparam name="n" default="abc" type="numeric">
