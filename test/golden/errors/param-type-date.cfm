<cfparam name="d" type="date" default="not a date">
