<!--- custom tag: writes into its caller --->
<cfsilent><cfset caller.fromTag = "set by tag (saw #caller.callerValue#)">
<cfset caller["indexed"] = attributes.n * 2>
<cfset name = "dyn_" & attributes.n>
<cfset "caller.#name#" = "dynamic">
<cfset own = "tag's own">
<cfset request.count = (request.count ?: 0) + 1>
<cfset caller.seenOwnBefore = isDefined("previous")>
<cfset previous = true></cfsilent>