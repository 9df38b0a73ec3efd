<!--- A string that is a boolean literal (true/false/yes/no) compares as that boolean: with numbers,
      with other boolean strings, in every comparison operator, script switch/case, the no-case
      search functions and Query of Queries. --->
<cfscript>
writeOutput("eq: " & (1 == 'true') & " " & ('yes' == 'true') & " " & (0 == 'false') & " " & ('no' == 0) & " " & ('YES' EQ true) & " " & ('No' IS 'false') & "<br>");
writeOutput("neq: " & (1 != 'true') & " " & ('yes' NEQ 'true') & " " & (0 <> 'false') & " " & ('no' IS NOT 0) & " " & ('yes' != 'no') & "<br>");
writeOutput("order: " & ('true' GT 0) & " " & ('no' LT 1) & " " & ('yes' GTE 1) & " " & ('false' LTE 'no') & " " & (2 GT 'yes') & "<br>");
// a numeric string against a boolean string: the number's truth value is not taken, 2 is not 1
writeOutput("numbers: " & ('1' == 'yes') & " " & ('2' == 'true') & " " & ('1.0' EQ 'TRUE') & " " & (-0 == 'no') & "<br>");
// only the exact words count: padded or abbreviated words are plain strings
writeOutput("plain: " & (' yes' == true) & " " & ('y' == 'yes') & " " & ('truth' == true) & " " & ('abc' == 'ABC') & "<br>");
// strict equality is not loosened
writeOutput("strict: " & ('yes' === 'true') & " " & (1 === 'true') & "<br>");

function pick(v) {
  switch (v) {
    case "yes": return "affirmative";
    case 0: return "zero-or-false";
    default: return "other";
  }
}
writeOutput("switch: " & pick(true) & " " & pick(1) & " " & pick('TRUE') & " " & pick('no') & " " & pick(false) & " " & pick('x') & "<br>");

words = ["maybe", "yes", "0"];
writeOutput("search: " & arrayFindNoCase(words, true) & " " & words.findNoCase('true') & " " & arrayFindNoCase(words, 'false') & " " & arrayContainsNoCase(words, 1) & " " & words.containsNoCase('no'));
// the case-sensitive searches compare strings: true is not "yes"
writeOutput(" / " & arrayFind(words, true) & " " & words.find('0') & " " & arrayContains(words, 'yes') & "<br>");

flags = queryNew("id,flag", "integer,varchar", [[1, "yes"], [2, "no"], [3, "maybe"], [4, "true"]]);
on = queryExecute("SELECT id FROM flags WHERE flag = 'true' ORDER BY id", {}, {dbtype: "query"});
off = queryExecute("SELECT id FROM flags WHERE flag = 0 OR flag IN ('false') ORDER BY id", {}, {dbtype: "query"});
writeOutput("qoq: " & valueList(on.id) & " / " & valueList(off.id) & "<br>");
</cfscript>
<cfset answer = "Yes">
<cfif answer EQ true>tag-if: yes is true</cfif>
<cfif 'no' IS 0 AND NOT ('false' NEQ 'no')>, no is false</cfif>
<cfoutput>
#("true" EQ 1)# #("yes" IS "TRUE")#
</cfoutput>
<!--- cfswitch matches its case values as a list of strings (Lucee's tag), so "yes" is not "true" there --->
<cfswitch expression="#answer#">
  <cfcase value="true">tag-switch: boolean</cfcase>
  <cfcase value="no,yes">tag-switch: listed word</cfcase>
</cfswitch>
