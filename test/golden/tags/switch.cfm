<cfoutput><cfloop list="apple,Pear,kiwi,plum,fig,,x" index="fruit" delimiters=",">
<cfswitch expression="#fruit#">
<cfcase value="apple">red</cfcase>
<cfcase value="pear,KIWI">green</cfcase>
<cfcase value="plum|fig" delimiters="|">purple</cfcase>
<cfdefaultcase>unknown</cfdefaultcase>
</cfswitch></cfloop></cfoutput>
<cfset n = 2>
<cfswitch expression="#n + 1#"><cfcase value="3">three</cfcase><cfcase value="2">two</cfcase></cfswitch>
<cfswitch expression="none"><cfcase value="a">a</cfcase></cfswitch>|
