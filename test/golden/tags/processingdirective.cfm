<cfprocessingdirective pageencoding="utf-8">
<cfprocessingdirective suppresswhitespace="true">
<cfoutput>
    a     b


    c	 	d 
 e
</cfoutput>
</cfprocessingdirective>
end
