<!--- custom tag: imported as ui:box --->
<cfif thisTag.executionMode EQ "start"><cfoutput><div class="box"><h2>#attributes.title#</h2></cfoutput><cfelse></div></cfif>
