<!--- List and string processing: word statistics, a tag cloud and a slug, from a fixed text. --->
<cfparam name="url.text" default="The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!">
<cfsilent>
<cfset words = listToArray(lCase(reReplace(url.text, "[^A-Za-z ]", "", "all")), " ")>
<cfset counts = structNew("ordered")>
<cfloop array="#words#" item="w">
  <cfif structKeyExists(counts, w)><cfset counts[w] = counts[w] + 1><cfelse><cfset counts[w] = 1></cfif>
</cfloop>
<cfset tags = "CFML, templates;;Node , tags,cfml">
<cfset clean = "">
<cfloop list="#tags#" delimiters=",;" index="t">
  <cfset t = trim(t)>
  <cfif len(t) AND NOT listFindNoCase(clean, t)><cfset clean = listAppend(clean, t)></cfif>
</cfloop>
</cfsilent>
<cfoutput>
Words: #arrayLen(words)#, distinct: #structCount(counts)#
Repeated:<cfloop collection="#counts#" item="w"><cfif counts[w] GT 1> #w#(#counts[w]#)</cfif></cfloop>
Last alphabetically: #listLast(listSort(arrayToList(words), "text"))#
Tags: #clean# (#listLen(clean)#), sorted: #listSort(clean, "textnocase")#
Slug: #lCase(reReplace(reReplace(url.text, "[^A-Za-z0-9]+", "-", "all"), "^-|-$", "", "all"))#
Initials: <cfloop list="Ada Lovelace|Alan Turing" delimiters="|" index="person">#left(listFirst(person, " "), 1)##left(listLast(person, " "), 1)# </cfloop>
Reversed: #reverse("stressed")#, padded: [#rJustify("7", 3)#] [#repeatString("-", 5)#]
</cfoutput>
