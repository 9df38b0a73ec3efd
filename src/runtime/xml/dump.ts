/** cfdump of XML values: the node tree with names, attributes and text, as text or an HTML table. */
import { COMMENT, DOCUMENT, ELEMENT, XmlNode, childNodes, nodeTypeName } from './node.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ownText(n: any): string {
  let s = '';
  for (const c of childNodes(n)) if (c.nodeType === 3 || c.nodeType === 4) s += c.data;
  return s.trim();
}

function attrList(n: any): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < (n.attributes?.length ?? 0); i++) out.push([n.attributes[i].name, n.attributes[i].value]);
  return out;
}

const elements = (n: any) => childNodes(n).filter((c) => c.nodeType === ELEMENT);

export function dumpXmlText(x: XmlNode, indent: string): string[] {
  const lines: string[] = [];
  const walk = (n: any, ind: string) => {
    if (n.nodeType === DOCUMENT) {
      lines.push(`${ind}XML Document`);
      if (n.documentElement) walk(n.documentElement, ind + '  ');
    } else if (n.nodeType === ELEMENT) {
      const attrs = attrList(n).map(([k, v]) => ` ${k}="${v}"`).join('');
      const text = ownText(n);
      lines.push(`${ind}XML Element <${n.nodeName}${attrs}>${text ? ` ${text}` : ''}`);
      for (const c of childNodes(n)) {
        if (c.nodeType === ELEMENT) walk(c, ind + '  ');
        else if (c.nodeType === COMMENT) lines.push(`${ind}  <!--${c.data}-->`);
      }
    } else lines.push(`${ind}XML ${nodeTypeName(new XmlNode(n)).replace(/_NODE$/, '').toLowerCase()} ${n.nodeName}: ${n.nodeValue ?? ''}`);
  };
  walk(x.node, indent);
  return lines;
}

export function dumpXmlHtml(x: XmlNode): string {
  const render = (n: any): string => {
    if (n.nodeType === DOCUMENT) {
      return `<table class="cfdump xml"><caption>XML Document</caption>${n.documentElement ? `<tr><td>${render(n.documentElement)}</td></tr>` : ''}</table>`;
    }
    if (n.nodeType === ELEMENT) {
      const attrs = attrList(n);
      const kids = elements(n);
      let h = `<table class="cfdump xml"><caption>XML Element</caption><tr><th>xmlName</th><td>${esc(n.nodeName)}</td></tr>`;
      if (attrs.length) h += `<tr><th>xmlAttributes</th><td>${attrs.map(([k, v]) => `${esc(k)}="${esc(v)}"`).join('<br>')}</td></tr>`;
      const text = ownText(n);
      if (text) h += `<tr><th>xmlText</th><td>${esc(text)}</td></tr>`;
      if (kids.length) h += `<tr><th>xmlChildren</th><td>${kids.map(render).join('')}</td></tr>`;
      return h + '</table>';
    }
    return `<table class="cfdump xml"><caption>XML Node</caption><tr><th>${esc(n.nodeName)}</th><td>${esc(n.nodeValue ?? '')}</td></tr></table>`;
  };
  return render(x.node);
}
