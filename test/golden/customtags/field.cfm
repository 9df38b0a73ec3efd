<!--- custom tag: a field inside cf_form --->
<cfparam name="attributes.value" default=""><cfassociate basetag="cf_form" datacollection="fields"><cfset data = getBaseTagData("cf_form")><cfoutput>(#attributes.name# in #data.attributes.action# [#data.thisTag.executionMode#]: #getBaseTagList()#)</cfoutput>
