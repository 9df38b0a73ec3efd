<cflogout>
<cflocation url="index.cfm" addtoken="false">
