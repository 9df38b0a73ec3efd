<cfcomponent>
	<cffunction name="tagged" localmode="modern" mylabel="fast" access="public" returntype="string" output="false">
		<cfreturn "tagged">
	</cffunction>
</cfcomponent>
