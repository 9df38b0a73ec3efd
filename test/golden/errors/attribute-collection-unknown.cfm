<cfset opts = {name: "x", size: 3}>
<cfparam attributeCollection="#opts#">
