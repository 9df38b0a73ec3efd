<html>
<head>
<title>Page</title>
</head>
<body>
<cfhtmlhead text='<meta name="a" content="1">'>
<cfhtmlhead id="jq"><script src="jq.js"></script></cfhtmlhead>
<cfhtmlhead id="JQ" text="added twice by id, kept once">
<cfhtmlbody text="<footer>f</footer>">
<cfhtmlhead action="read" variable="h">
<cfoutput>[#h#]</cfoutput>
<cfsetting showdebugoutput="false">
<cfoutput>#getTemplatePath() eq getBaseTemplatePath()# #getFileFromPath(getTemplatePath())#</cfoutput>
</body>
</html>
