/**
 * XML functions: xmlParse, xmlNew, xmlElemNew, xmlSearch (XPath 1.0 through the `xpath` package),
 * the isXml* tests, xmlChildPos, xmlGetNodeType, xmlClear, xmlDeleteAt, xmlHasChild, xmlUpdate,
 * and `xml.toString()`. The XML value itself lives in ../xml/node.ts. xmlFormat is in encoding.ts.
 */
import { xpath } from '../xml/lib.js';
import { expressionError } from '../errors.js';
import { simple, toStr } from '../cast.js';
import { setKey } from '../access.js';
import {
  ATTRIBUTE,
  ELEMENT,
  XmlNode,
  childElements,
  childNodes,
  newDocument,
  nodeTypeName,
  parseXml,
  serializeXml,
  tryParseXml,
  xmlGet,
} from '../xml/node.js';
import type { FunctionDef } from './types.js';

function xmlArg(fn: string, v: unknown, arg = 'xmlNode'): XmlNode {
  v = simple(v);
  if (v instanceof XmlNode) return v;
  throw expressionError(`Invalid argument for function [${fn}], can't cast ${v === null || v === undefined ? 'null' : typeof v === 'string' ? 'String' : 'value'} to XML for argument [${arg}]`);
}

function elementArg(fn: string, v: unknown): any {
  const x = xmlArg(fn, v);
  const n = x.isDocument ? x.node.documentElement : x.node;
  if (!n || n.nodeType !== ELEMENT) throw expressionError(`function [${fn}] needs an XML element, got an XML ${nodeTypeName(x).toLowerCase().replace(/_node$/, '')} node`);
  return n;
}

function search(v: unknown, path: string): unknown {
  const x = xmlArg('xmlSearch', v);
  let result: unknown;
  try {
    result = xpath().select(path, x.node);
  } catch (e) {
    throw expressionError(`invalid XPath expression [${path}]: ${(e as Error).message}`);
  }
  if (Array.isArray(result)) return result.map((n) => new XmlNode(n));
  return result;
}

const isXmlValue = (v: unknown, test: (x: XmlNode) => boolean) => {
  v = simple(v);
  return v instanceof XmlNode && test(v);
};

export const xmlFunctions: FunctionDef[] = [
  {
    // Lucee: x.keyExists(key) on an XML value, as on its struct view (xmlRoot, child elements, xml* keys)
    name: 'xml.keyExists',
    memberOnly: true,
    params: [{ name: 'xml', type: 'any', required: true }, { name: 'key', type: 'string', required: true }],
    members: [{ type: 'xml', name: 'keyExists' }],
    impl: (_c, x: unknown, key: string) => x instanceof XmlNode && xmlGet(x, key, true, undefined, true) !== undefined,
  },
  {
    name: 'xmlParse',
    params: [
      { name: 'xmlString', type: 'any', required: true },
      { name: 'caseSensitive', type: 'boolean', default: false },
      { name: 'validator', type: 'any' },
    ],
    impl: (ctx, v: unknown, _cs: boolean, validator: unknown) => {
      if (validator !== undefined && validator !== '') throw expressionError('function [xmlParse] does not support a validator (DTD/XML Schema validation is not implemented)', { loc: ctx.loc });
      v = simple(v);
      if (v instanceof XmlNode) return v;
      return parseXml(toStr(v), ctx.loc);
    },
  },
  {
    name: 'xmlNew',
    params: [{ name: 'caseSensitive', type: 'boolean', default: false }],
    impl: () => newDocument(),
  },
  {
    name: 'xmlElemNew',
    params: [
      { name: 'xmlObj', type: 'any', required: true },
      { name: 'namespace', type: 'string', required: true },
      { name: 'childName', type: 'string' },
    ],
    impl: (_ctx, v: unknown, ns: string, name?: string) => {
      const doc = xmlArg('xmlElemNew', v, 'xmlObj').doc;
      const [uri, qname] = name === undefined ? ['', ns] : [ns, name];
      try {
        return new XmlNode(uri ? doc.createElementNS(uri, qname) : doc.createElement(qname));
      } catch {
        throw expressionError(`invalid XML element name [${qname}] for function [xmlElemNew]`);
      }
    },
  },
  {
    name: 'xmlSearch',
    params: [
      { name: 'xmlNode', type: 'any', required: true },
      { name: 'xpath', type: 'string', required: true },
      { name: 'params', type: 'struct' },
    ],
    members: [{ type: 'xml', name: 'search' }],
    impl: (_ctx, v: unknown, path: string) => search(v, path),
  },
  {
    name: 'isXML',
    params: [{ name: 'value', type: 'any', required: true }],
    impl: (_ctx, v: unknown) => {
      v = simple(v);
      if (v instanceof XmlNode) return true;
      return typeof v === 'string' && tryParseXml(v) !== undefined;
    },
  },
  { name: 'isXmlDoc', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => isXmlValue(v, (x) => x.isDocument) },
  { name: 'isXmlElem', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => isXmlValue(v, (x) => x.isElement) },
  { name: 'isXmlNode', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => isXmlValue(v, () => true) },
  {
    name: 'isXmlRoot',
    params: [{ name: 'value', type: 'any', required: true }],
    impl: (_c, v: unknown) => isXmlValue(v, (x) => x.isElement && x.node.ownerDocument?.documentElement === x.node),
  },
  { name: 'isXmlAttribute', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => isXmlValue(v, (x) => x.node.nodeType === ATTRIBUTE) },
  {
    name: 'xmlGetNodeType',
    params: [{ name: 'xmlNode', type: 'any', required: true }],
    impl: (_c, v: unknown) => nodeTypeName(xmlArg('xmlGetNodeType', v)),
  },
  {
    name: 'xmlChildPos',
    params: [
      { name: 'elem', type: 'any', required: true },
      { name: 'childName', type: 'string', required: true },
      { name: 'n', type: 'numeric', required: true },
    ],
    // the position among the element's xmlChildren of the n-th child named childName, or -1
    impl: (_c, v: unknown, name: string, n: number) => {
      const lower = name.toLowerCase();
      let count = 0;
      const kids = childElements(elementArg('xmlChildPos', v));
      for (let i = 0; i < kids.length; i++) if (kids[i].nodeName.toLowerCase() === lower && ++count === n) return i + 1;
      return -1;
    },
  },
  {
    name: 'xmlHasChild',
    params: [
      { name: 'xmlNode', type: 'any', required: true },
      { name: 'childName', type: 'string', required: true },
    ],
    impl: (_c, v: unknown, name: string) => {
      const x = xmlArg('xmlHasChild', v);
      return childElements(x.node, name.toLowerCase()).length > 0;
    },
  },
  {
    name: 'xmlClear',
    params: [{ name: 'xmlNode', type: 'any', required: true }],
    // removes the children and the attributes of the node
    impl: (_c, v: unknown) => {
      const x = xmlArg('xmlClear', v);
      const n = x.node;
      for (const c of childNodes(n)) n.removeChild(c);
      if (n.nodeType === ELEMENT) while (n.attributes.length) n.removeAttribute(n.attributes[0].name);
      return x;
    },
  },
  {
    name: 'xmlDeleteAt',
    params: [
      { name: 'array', type: 'any', required: true },
      { name: 'index', type: 'numeric', required: true },
    ],
    impl: (_c, v: unknown, index: number) => {
      v = simple(v);
      const items: XmlNode[] = v instanceof XmlNode ? v.items() : Array.isArray(v) ? v : xmlArg('xmlDeleteAt', v, 'array').items();
      if (!Number.isInteger(index) || index < 1 || index > items.length) {
        throw expressionError(`invalid index [${toStr(index)}] for function [xmlDeleteAt], the list has ${items.length} elements`);
      }
      if (Array.isArray(v)) {
        v.splice(index - 1, 1);
        return v;
      }
      const node = items[index - 1]!.node;
      node.parentNode?.removeChild(node);
      return true;
    },
  },
  {
    name: 'xmlUpdate',
    params: [
      { name: 'xmlNode', type: 'any', required: true },
      { name: 'key', type: 'string', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    impl: (ctx, v: unknown, key: string, value: unknown) => {
      const x = xmlArg('xmlUpdate', v);
      setKey(x, key, value, ctx.loc, true, key);
      return x;
    },
  },
  {
    name: 'xmlTransform',
    params: [
      { name: 'xml', type: 'any', required: true },
      { name: 'xsl', type: 'string', required: true },
      { name: 'parameters', type: 'struct' },
    ],
    impl: (ctx) => {
      throw expressionError('function [xmlTransform] is not supported: this engine has no XSLT processor', { loc: ctx.loc });
    },
  },
  {
    name: 'xmlValidate',
    params: [
      { name: 'xml', type: 'any', required: true },
      { name: 'validator', type: 'any' },
    ],
    impl: (ctx) => {
      throw expressionError('function [xmlValidate] is not supported: this engine has no DTD/XML Schema validator', { loc: ctx.loc });
    },
  },
  {
    name: 'toString',
    memberOnly: true,
    params: [{ name: 'xml', type: 'any', required: true }],
    members: [{ type: 'xml', name: 'toString' }],
    impl: (_c, v: unknown) => serializeXml(xmlArg('toString', v)),
  },
];
