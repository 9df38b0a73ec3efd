<cfset a = 5><cfset empty = "">
<cfoutput>
#a GT 3 ? "big" : "small"# #a LT 3 ? "big" : "small"# #true ? false ? 1 : 2 : 3#
#a EQ 5 AND true ? "both" : "no"#
#isDefined("nope") ? nope : "fallback"#
#nope ?: "elvis default"# #a ?: "unused"# #empty ?: "empty is defined"#
#st.missing.deep ?: "deep default"#
#(a > 3) ? "p" : "q"#
</cfoutput>
