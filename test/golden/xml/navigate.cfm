<cfxml variable="doc">
<catalog>
  <book id="b1" lang="en"><title>One</title><price>10</price></book>
  <book id="b2"><title>Two &amp; more</title><price>20</price></book>
</catalog>
</cfxml>
<cfoutput>
#doc.xmlRoot.xmlName# #arrayLen(doc.catalog.book)# #arrayLen(doc.catalog.xmlChildren)#
#doc.catalog.book.title.xmlText# / #doc.Catalog.BOOK[2].title.xmlText# / #doc.catalog.xmlChildren[2].price.xmlText#
#doc.catalog.book.xmlAttributes.id# #doc.catalog.book[2].xmlAttributes["id"]# #structKeyList(doc.catalog.book.xmlAttributes)#
#isXmlDoc(doc)# #isXmlElem(doc.catalog)# #isXmlRoot(doc.catalog)# #isXmlRoot(doc.catalog.book)# #xmlChildPos(doc.catalog, "book", 2)#
</cfoutput>
<cfloop array="#doc.catalog.xmlChildren#" item="b"><cfoutput>#b.xmlAttributes.id#=#b.price.xmlText#;</cfoutput></cfloop>
