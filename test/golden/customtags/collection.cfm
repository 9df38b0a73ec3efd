<cfset opts = {title: "From a struct", extra: 1}>
<cf_layout attributeCollection="#opts#" title="Written wins">body</cf_layout>
<cfmodule attributeCollection="#{template: 'widgets/forms/input.cfm', field: 'coll'}#">
