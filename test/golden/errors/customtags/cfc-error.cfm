<p>before</p>
<cf_boom size="1">body</cf_boom>
