<!--- A binary value is indexed by byte (signed, -128..127); beat() of noon in Biel (UTC+1) is exactly 500 --->
<cfscript>
b = charsetDecode("Aé", "utf-8");
writeOutput(b[1] & " " & b[2] & " " & b[3] & " " & arrayLen(b) & " ");
writeOutput(beat(createDateTime(2010, 5, 5, 11, 0, 0, 0, "UTC")) & " " & beat(createDateTime(2010, 5, 5, 17, 0, 0, 0, "UTC")));
</cfscript>
