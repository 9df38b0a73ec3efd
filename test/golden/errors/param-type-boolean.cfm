<!--- url: flag=maybe --->
<cfparam name="url.flag" type="boolean" default="no">
