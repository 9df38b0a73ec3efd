<!--- the cfdocs xmlSearch example: leading blanks and the declaration are fine --->
<cfsavecontent variable="xmlstring">
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <users>
        <user id="1">
            <name>Me</name>
        </user>
        <user id="2">
            <name>You</name>
        </user>
    </users>
</cfsavecontent>
<cfscript>
xml = xmlParse(xmlstring);
result = xmlSearch(xml, 'users//name');
userlist = '';
for (i = 1; i <= arrayLen(result); i++) userlist = listAppend(userlist, result[i].xmlText);
writeOutput(userlist & chr(10));
writeOutput(xmlSearch(xml, "count(//user)") & " " & xmlSearch(xml, "string(/users/user[@id='2']/name)") & chr(10));
ids = xmlSearch(xml, "//user/@id");
writeOutput(ids[2].xmlName & "=" & ids[2].xmlValue);
</cfscript>
