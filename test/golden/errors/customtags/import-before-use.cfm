<ui:box title="x">y</ui:box>
<cfimport prefix="ui" taglib="tags">
