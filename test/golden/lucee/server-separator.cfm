<!--- server.separator holds the platform's separators: of path lists, of file paths, of lines. --->
<cfoutput>#server.separator.path# #server.separator.file# #len(server.separator.line)# #asc(server.separator.line)#</cfoutput>
