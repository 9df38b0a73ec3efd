/**
 * XML values: a parsed document (or one of its nodes) that CFML navigates the Lucee way:
 * `doc.xmlRoot`, `node.xmlName`, `node.xmlText`, `node.xmlAttributes.id`, `node.xmlChildren[1]`,
 * `node.child` (the first child element of that name, case-insensitively), `node.child[2]`.
 *
 * The DOM is @xmldom/xmldom's; an XmlNode wraps one DOM node and, when it was reached by a child
 * name, the sibling elements of that name (its "group", for `node.child[2]` and arrayLen). The
 * access layer (access.ts) asks xmlGet/xmlSet here; cast.ts, dump.ts and the functions ask the
 * other helpers. Wrappers are made per access: the DOM is the one shared state.
 */
import { xmldom } from './lib.js';
import { expressionError, type SourceLoc } from '../errors.js';
import { Struct } from '../struct.js';
import { toStr } from '../cast.js';

// DOM node types
export const ELEMENT = 1;
export const ATTRIBUTE = 2;
export const TEXT = 3;
export const CDATA = 4;
export const PI = 7;
export const COMMENT = 8;
export const DOCUMENT = 9;

type DomNode = any;

export class XmlNode {
  constructor(
    readonly node: DomNode,
    /** the sibling elements of the same name when reached as `parent.name` (for `[n]` and arrayLen) */
    readonly group?: DomNode[],
  ) {}

  get isDocument(): boolean {
    return this.node.nodeType === DOCUMENT;
  }

  get isElement(): boolean {
    return this.node.nodeType === ELEMENT;
  }

  get doc(): DomNode {
    return this.isDocument ? this.node : this.node.ownerDocument;
  }

  /** The nodes `[n]` and arrayLen see: the group, or the node alone. */
  items(): XmlNode[] {
    return (this.group ?? [this.node]).map((n) => new XmlNode(n, this.group));
  }
}

export const isXmlNode = (v: unknown): v is XmlNode => v instanceof XmlNode;

/** Parses XML text (leading/trailing blanks ignored, as Lucee does); bad XML is a CFML error naming line and column. */
export function parseXml(text: string, loc?: SourceLoc): XmlNode {
  let problem: string | undefined;
  const parser = new (xmldom().DOMParser)({
    onError: (level: string, msg: string) => {
      if (level === 'warning') return;
      problem ??= msg;
      throw new Error(msg);
    },
  });
  // lines and columns are counted in the text as given, not in the trimmed text parsed
  const lead = /^\s*/.exec(text)![0];
  const leadLines = lead.split('\n').length - 1;
  const leadCols = leadLines ? 0 : lead.length;
  try {
    const doc = parser.parseFromString(text.trim(), 'text/xml');
    if (!doc.documentElement) throw Object.assign(new Error('missing root element'), { locator: {} });
    return new XmlNode(doc);
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const line = locator?.lineNumber;
    const where = line ? ` (line ${line + leadLines}, column ${(locator!.columnNumber ?? 1) + (line === 1 ? leadCols : 0)})` : '';
    const msg = (problem ?? (e as Error).message).replace(/^fatalError: /, '');
    throw expressionError(`can't parse XML${where}: ${msg}`, { loc, detail: 'the string is not well-formed XML' });
  }
}

export function tryParseXml(text: string): XmlNode | undefined {
  try {
    return parseXml(text);
  } catch {
    return undefined;
  }
}

export function newDocument(): XmlNode {
  return new XmlNode(new (xmldom().DOMImplementation)().createDocument(null, '', null));
}

let serializer: InstanceType<ReturnType<typeof xmldom>['XMLSerializer']> | undefined;
const serialize = (n: Parameters<NonNullable<typeof serializer>['serializeToString']>[0]) => (serializer ??= new (xmldom().XMLSerializer)()).serializeToString(n);
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** toString(): the node as XML text after an XML declaration (Lucee writes one for any node). */
export function serializeXml(x: XmlNode, declaration = true): string {
  const n = x.node;
  if (n.nodeType === DOCUMENT) {
    let body = '';
    for (const c of childNodes(n)) {
      // the parsed declaration is replaced by ours; blanks between top-level nodes are dropped
      if (c.nodeType === PI && c.target === 'xml') continue;
      if (c.nodeType === TEXT) continue;
      body += serialize(c);
    }
    return declaration ? `${DECL}\n${body}` : body;
  }
  if (n.nodeType === ATTRIBUTE) return n.value;
  if (n.nodeType === TEXT || n.nodeType === CDATA) return n.data;
  const s = serialize(n);
  return declaration ? `${DECL}\n${s}` : s;
}

export function childNodes(n: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function childElements(n: DomNode, lowerName?: string): DomNode[] {
  return childNodes(n).filter((c) => c.nodeType === ELEMENT && (lowerName === undefined || c.nodeName.toLowerCase() === lowerName));
}

/** xmlText: the text and CDATA directly inside the node. */
function textOf(n: DomNode): string {
  if (n.nodeType !== ELEMENT && n.nodeType !== DOCUMENT) return n.nodeValue ?? '';
  let s = '';
  for (const c of childNodes(n)) if (c.nodeType === TEXT || c.nodeType === CDATA) s += c.data;
  return s;
}

const TYPE_NAMES: Record<number, string> = {
  1: 'ELEMENT',
  2: 'ATTRIBUTE',
  3: 'TEXT',
  4: 'CDATA',
  5: 'ENTITY_REFERENCE',
  6: 'ENTITY',
  7: 'PROCESSING_INSTRUCTION',
  8: 'COMMENT',
  9: 'DOCUMENT',
  10: 'DOCUMENT_TYPE',
  11: 'DOCUMENT_FRAGMENT',
  12: 'NOTATION',
};

/** xmlGetNodeType: ELEMENT_NODE, TEXT_NODE, DOCUMENT_NODE... */
export const nodeTypeName = (x: XmlNode): string => `${TYPE_NAMES[x.node.nodeType] ?? 'UNKNOWN'}_NODE`;

/** The attributes of an element as a struct that writes through to the element. */
export class XmlAttributes extends Struct {
  private ready = false;
  constructor(readonly element: DomNode) {
    super();
    const attrs = element.attributes;
    for (let i = 0; i < (attrs?.length ?? 0); i++) super.setLower(attrs[i].name.toLowerCase(), attrs[i].name, attrs[i].value);
    this.ready = true;
  }

  override setLower(lower: string, key: string, value: unknown): void {
    const existing = this.keyCase(lower) ?? key;
    super.setLower(lower, existing, toStr(value));
    if (this.ready) this.element.setAttribute(existing, toStr(value));
  }

  override delete(key: string): boolean {
    const name = this.keyCase(key);
    if (name !== undefined) this.element.removeAttribute(name);
    return super.delete(key);
  }

  override clear(): void {
    for (const k of this.keys()) this.element.removeAttribute(k);
    super.clear();
  }
}

/**
 * xmlChildren: an array of the child elements that stays in step with the DOM, so
 * arrayAppend / arrayDeleteAt / `xmlChildren[n] = elem` change the document (as in Lucee).
 */
function childArray(parent: DomNode): XmlNode[] {
  const target: unknown[] = childElements(parent).map((c) => new XmlNode(c));
  const sync = () => {
    const wanted = target.filter((v): v is XmlNode => v instanceof XmlNode && (v.node.nodeType === ELEMENT || v.node.nodeType === TEXT || v.node.nodeType === COMMENT || v.node.nodeType === CDATA));
    for (const c of childElements(parent)) if (!wanted.some((w) => w.node === c)) parent.removeChild(c);
    // moves only what is out of place, so text and comments between the elements stay put
    wanted.forEach((w, i) => {
      const node = adopt(parent, w.node);
      const at = childElements(parent)[i];
      if (at !== node) parent.insertBefore(node, at ?? null);
    });
  };
  return new Proxy(target, {
    set(t, p, v) {
      (t as any)[p] = v;
      if (p !== 'length' || (v as number) < t.length + 1) sync();
      return true;
    },
    deleteProperty(t, p) {
      delete (t as any)[p];
      sync();
      return true;
    },
  }) as XmlNode[];
}

/** A node from another document is imported (Lucee refuses it; a copy is kinder than an error). */
function adopt(parent: DomNode, n: DomNode): DomNode {
  const doc = parent.nodeType === DOCUMENT ? parent : parent.ownerDocument;
  return n.ownerDocument === doc ? n : doc.importNode(n, true);
}

function asNodeValue(v: unknown, what: string, loc?: SourceLoc): DomNode {
  if (v instanceof XmlNode) return v.isDocument ? v.node.documentElement : v.node;
  throw expressionError(`can't assign a value that is not an XML element to ${what}`, { loc });
}

function missing(x: XmlNode, key: string, loc?: SourceLoc): never {
  const n = x.node;
  const names = [...new Set(childElements(n).map((c) => c.nodeName))];
  throw expressionError(`undefined XML element [${key}] in ${n.nodeType === DOCUMENT ? 'the XML document' : `XML element [${n.nodeName}]`}`, {
    loc,
    detail: names.length ? `child elements available: [${names.join(', ')}]` : 'the node has no child elements',
  });
}

/** The struct view of a node: its child elements by name (a document: its root), first of each name. */
export function xmlAsStruct(x: XmlNode): Struct {
  const s = new Struct();
  const kids = x.isDocument ? [x.node.documentElement].filter(Boolean) : childElements(x.node);
  for (const c of kids) if (!s.has(c.nodeName)) s.set(c.nodeName, xmlGet(x, c.nodeName, true, undefined, false));
  return s;
}

/** Reads `x.key` / `x[key]` of an XML value; soft returns undefined instead of failing. */
export function xmlGet(x: XmlNode, key: unknown, dot: boolean, loc: SourceLoc | undefined, soft: boolean): unknown {
  const k = typeof key === 'string' ? key : toStr(key);
  if (!dot && /^\d+$/.test(k)) {
    const items = x.items();
    const i = Number(k);
    if (i >= 1 && i <= items.length) return items[i - 1];
    if (soft) return undefined;
    throw expressionError(`invalid index [${k}] for XML node list, the list has ${items.length} elements`, { loc });
  }
  const n = x.node;
  const lower = k.toLowerCase();
  switch (lower) {
    case 'xmlname':
      return n.nodeType === DOCUMENT ? '#document' : n.nodeName;
    case 'xmltype':
      return TYPE_NAMES[n.nodeType] ?? 'UNKNOWN';
    case 'xmlvalue':
      return n.nodeType === ELEMENT || n.nodeType === DOCUMENT ? '' : (n.nodeValue ?? '');
    case 'xmltext':
    case 'xmlcdata':
      return textOf(n);
    case 'xmlnsprefix':
      return n.prefix ?? '';
    case 'xmlnsuri':
      return n.namespaceURI ?? '';
    case 'xmlcomment':
      return childNodes(n).filter((c) => c.nodeType === COMMENT).map((c) => c.data).join('');
    case 'xmlnodes':
      return childNodes(n).map((c) => new XmlNode(c));
    case 'xmlparent': {
      const p = n.nodeType === ATTRIBUTE ? n.ownerElement : n.parentNode;
      if (p) return new XmlNode(p);
      break;
    }
  }
  if (n.nodeType === DOCUMENT) {
    const root = n.documentElement;
    if (lower === 'xmlroot' && root) return new XmlNode(root);
    if (lower === 'xmldoctype') return n.doctype ? serialize(n.doctype) : '';
    if (root && root.nodeName.toLowerCase() === lower) return new XmlNode(root, [root]);
  } else if (n.nodeType === ELEMENT) {
    if (lower === 'xmlattributes') return new XmlAttributes(n);
    if (lower === 'xmlchildren') return childArray(n);
    const found = childElements(n, lower);
    if (found.length) return new XmlNode(found[0], found);
  }
  if (soft) return undefined;
  return missing(x, k, loc);
}

/** Writes `x.key = v`: xmlText, xmlCdata, xmlComment, xmlAttributes, xmlChildren, xmlRoot, or a child element by name. */
export function xmlSet(x: XmlNode, key: unknown, value: unknown, dot: boolean, loc: SourceLoc | undefined): void {
  const k = typeof key === 'string' ? key : toStr(key);
  const n = x.node;
  const lower = k.toLowerCase();
  if (!dot && /^\d+$/.test(k)) {
    // parent.child[n] = elem: replaces the n-th element of the group, or appends after it
    const items = x.group ?? [n];
    const i = Number(k);
    const parent = items[0].parentNode;
    const fresh = adopt(parent, asNodeValue(value, `[${k}]`, loc));
    if (i >= 1 && i <= items.length) parent.replaceChild(fresh, items[i - 1]);
    else parent.appendChild(fresh);
    return;
  }
  if (n.nodeType === DOCUMENT) {
    const root = n.documentElement;
    if (lower === 'xmlroot' || (root && root.nodeName.toLowerCase() === lower) || !root) {
      // Lucee: a name given for the root of a document makes an empty element of that name
      const named = typeof value === 'string' && /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/.test(value) ? n.createElement(value) : undefined;
      const fresh = named ?? adopt(n, asNodeValue(value, 'xmlRoot', loc));
      if (root) n.replaceChild(fresh, root);
      else n.appendChild(fresh);
      return;
    }
    throw expressionError(`can't set [${k}] of an XML document, only xmlRoot`, { loc });
  }
  if (n.nodeType !== ELEMENT) {
    if (lower === 'xmlvalue' || lower === 'xmltext') {
      n.nodeValue = toStr(value);
      if (n.nodeType === ATTRIBUTE) n.value = toStr(value);
      else n.data = toStr(value);
      return;
    }
    throw expressionError(`can't set [${k}] of an XML ${TYPE_NAMES[n.nodeType]?.toLowerCase() ?? 'node'}`, { loc });
  }
  const doc = n.ownerDocument;
  switch (lower) {
    case 'xmltext':
    case 'xmlcdata': {
      for (const c of childNodes(n)) if (c.nodeType === TEXT || c.nodeType === CDATA) n.removeChild(c);
      const s = toStr(value);
      n.appendChild(lower === 'xmltext' ? doc.createTextNode(s) : doc.createCDATASection(s));
      return;
    }
    case 'xmlcomment':
      for (const c of childNodes(n)) if (c.nodeType === COMMENT) n.removeChild(c);
      n.appendChild(doc.createComment(toStr(value)));
      return;
    case 'xmlattributes': {
      if (!(value instanceof Struct)) throw expressionError('xmlAttributes must be set to a struct', { loc });
      const attrs = new XmlAttributes(n);
      attrs.clear();
      for (const [ak, av] of value.entries()) n.setAttribute(ak, toStr(av));
      return;
    }
    case 'xmlchildren': {
      if (!Array.isArray(value)) throw expressionError('xmlChildren must be set to an array of XML elements', { loc });
      for (const c of childElements(n)) n.removeChild(c);
      for (const v of value) n.appendChild(adopt(n, asNodeValue(v, 'xmlChildren', loc)));
      return;
    }
    case 'xmlname':
    case 'xmltype':
    case 'xmlparent':
    case 'xmlnodes':
    case 'xmlnsprefix':
    case 'xmlnsuri':
      throw expressionError(`the property [${k}] of an XML element is read-only`, { loc });
  }
  // node.child = elem: replaces the first child element of that name, or appends it
  const fresh = adopt(n, asNodeValue(value, `[${k}]`, loc));
  const old = childElements(n, lower)[0];
  if (old) n.replaceChild(fresh, old);
  else n.appendChild(fresh);
}
