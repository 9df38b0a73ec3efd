<cfset x = new NoSuchThing()>
