<!--- A method declared twice in one component: the later declaration is the method (Lucee). --->
<cfset t = new model.Twice()><cfoutput>#t.which()# #t.other()# #arrayLen(getMetadata(t).functions)#</cfoutput>
