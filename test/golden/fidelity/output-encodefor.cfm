<!--- <cfoutput encodeFor="..."> encodes every #expression# in its body, nested tag bodies included;
      the literal text around them is not touched, and an expression that already calls an
      encodeFor function is not encoded twice. --->
<cfset name = "<b>Tom & ""Jerry""</b>">
<cfset path = "a b/c?d=é">
<cfoutput encodeFor="html"><p>#name#</p> <cfif true><i>#name#</i></cfif> #encodeForHTML(name)# #name.encodeForHTML()#</cfoutput>
<cfoutput encodeFor="htmlattribute"><a title="#name#">x</a></cfoutput>
<cfoutput encodeFor="url">?q=#path#</cfoutput>
<cfoutput encodeFor="javascript"><script>var s = '#name#';</script></cfoutput>
<cfoutput encodeFor="xml"><n>#name#</n></cfoutput>
<cfoutput encodeFor="css">#"a:b;"#</cfoutput>
<cfset kind = "HTML">
<cfoutput encodeFor="#kind#"><cfloop from="1" to="2" index="i">#i#:#name# </cfloop></cfoutput>
<!--- a nested cfoutput takes the encoding of the enclosing one unless it names its own --->
<cfoutput encodeFor="html">#name# <cfoutput>#name#</cfoutput> <cfoutput encodeFor="url">#path#</cfoutput></cfoutput>
<!--- without the attribute nothing changes --->
<cfoutput>#name#</cfoutput>
<cfscript>
q = queryNew("v", "varchar", [["<1>"], ["&2"]]);
</cfscript>
<cfoutput query="q" encodeFor="html">#v# </cfoutput>
