<p>before</p>
<cf_nothere title="x">
