<cfparam name="mail" type="email" default="not-an-email">
