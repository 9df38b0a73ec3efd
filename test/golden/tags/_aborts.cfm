in include<cfabort>never
