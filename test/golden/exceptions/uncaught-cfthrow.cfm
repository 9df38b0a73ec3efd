<p>
<cfthrow message="tag failure">
