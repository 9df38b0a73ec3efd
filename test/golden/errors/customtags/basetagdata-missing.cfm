<cfoutput>
#getBaseTagData("cf_form").x#</cfoutput>
