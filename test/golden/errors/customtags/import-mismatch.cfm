<cfimport prefix="ui" taglib="../../customtags/tags">
<ui:box title="T">x</ui:bax>
