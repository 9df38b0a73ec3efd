<p>a</p>
<cf_broken>
