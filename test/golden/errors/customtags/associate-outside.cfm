<cfset x = 1>
<cfassociate basetag="cf_form">
