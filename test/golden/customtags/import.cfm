<cfimport prefix="ui" taglib="tags">
<ui:box title="T">x</ui:box>
<UI:Box title="Self"/>
<p>other prefixes stay text: <soap:Envelope>x</soap:Envelope></p>
