import { describe, expect, it } from 'vitest';
import { fn, member } from '../support/fn-harness.js';
import { getKey, setKey } from '../../src/runtime/access.js';
import { toStr, typeName, isSimple } from '../../src/runtime/cast.js';
import { XmlNode } from '../../src/runtime/xml/node.js';

const ITEMS = '<root><item id="1">Item 1</item><item id="2">Item 2</item><item id="3">Item 3</item></root>';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const get = (o: unknown, ...keys: (string | number)[]) => keys.reduce((v, k) => getKey(v, k, undefined, typeof k === 'string', false), o);

describe('xmlParse and navigation', () => {
  it('parses to an XML value that prints as XML text with a declaration', () => {
    const doc = fn('xmlParse', ITEMS);
    expect(doc).toBeInstanceOf(XmlNode);
    expect(typeName(doc)).toBe('XML');
    expect(isSimple(doc)).toBe(false);
    expect(toStr(doc)).toBe(DECL + ITEMS);
    expect(member('xml', 'toString', doc)).toBe(DECL + ITEMS);
  });
  it('navigates by xmlRoot, child names (case-insensitive), index and xml properties', () => {
    const doc = fn('xmlParse', ITEMS);
    expect(get(doc, 'xmlRoot', 'xmlName')).toBe('root');
    expect(get(doc, 'ROOT', 'Item', 'xmlText')).toBe('Item 1');
    expect(get(doc, 'root', 'item', 3, 'xmlAttributes', 'id')).toBe('3');
    expect(fn('arrayLen', get(doc, 'root', 'item'))).toBe(3);
    expect(fn('arrayLen', get(doc, 'root', 'xmlChildren'))).toBe(3);
    expect(get(doc, 'root', 'xmlChildren', 2, 'xmlText')).toBe('Item 2');
    expect(get(doc, 'root', 'item', 'xmlParent', 'xmlName')).toBe('root');
    expect(get(doc, 'root', 'xmlText')).toBe('');
  });
  it('ignores blanks around the text, keeps an existing declaration out of the output', () => {
    const doc = fn('xmlParse', '\r\n  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a><b/></a>\n');
    expect(toStr(doc)).toBe(DECL + '<a><b/></a>');
  });
  it('bad XML is a CFML error naming line and column', () => {
    expect(() => fn('xmlParse', '<a>\n<b></a>')).toThrow(/can't parse XML \(line 2, column \d+\): .*mismatch/);
    expect(() => fn('xmlParse', 'hello')).toThrow(/can't parse XML/);
    expect(() => fn('xmlParse', '')).toThrow(/can't parse XML/);
  });
  it('a missing child element is an error naming the element and the children there are', () => {
    const doc = fn('xmlParse', ITEMS);
    expect(() => get(doc, 'root', 'nope')).toThrow(/undefined XML element \[nope\] in XML element \[root\]/);
    expect(() => get(doc, 'root', 'item', 4)).toThrow(/invalid index \[4\]/);
    expect(getKey(doc, 'nope', undefined, true, false, true)).toBeUndefined();
  });
});

describe('changing XML', () => {
  it('xmlText, xmlAttributes and child assignment write through to the document', () => {
    const doc = fn('xmlParse', ITEMS);
    setKey(get(doc, 'root', 'item', 2), 'xmlText', 'Two', undefined, true);
    setKey(get(doc, 'root', 'item', 'xmlAttributes'), 'id', 'one', undefined, true, 'id');
    setKey(get(doc, 'root', 'item', 3, 'xmlAttributes'), 'lang', 'en', undefined, false);
    expect(toStr(doc)).toBe(DECL + '<root><item id="one">Item 1</item><item id="2">Two</item><item id="3" lang="en">Item 3</item></root>');
  });
  it('xmlNew, xmlElemNew, xmlRoot assignment and arrayAppend to xmlChildren build a document', () => {
    const doc = fn('xmlNew');
    setKey(doc, 'xmlRoot', fn('xmlElemNew', doc, 'list'), undefined, true);
    const e = fn('xmlElemNew', doc, 'entry');
    setKey(e, 'xmlText', 'a < b', undefined, true);
    fn('arrayAppend', get(doc, 'list', 'xmlChildren'), e);
    fn('arrayAppend', get(doc, 'list', 'xmlChildren'), fn('xmlElemNew', doc, 'entry'));
    expect(toStr(doc)).toBe(DECL + '<list><entry>a &lt; b</entry><entry/></list>');
    fn('arrayDeleteAt', get(doc, 'list', 'xmlChildren'), 1);
    expect(toStr(doc)).toBe(DECL + '<list><entry/></list>');
  });
  it('xmlClear, xmlDeleteAt and xmlUpdate (cfdocs examples)', () => {
    let doc = fn('xmlParse', ITEMS);
    fn('xmlClear', get(doc, 'root', 'item', 2));
    expect(toStr(doc)).toBe(DECL + '<root><item id="1">Item 1</item><item/><item id="3">Item 3</item></root>');
    doc = fn('xmlParse', ITEMS);
    fn('xmlDeleteAt', get(doc, 'root', 'item'), 1);
    expect(toStr(doc)).toBe(DECL + '<root><item id="2">Item 2</item><item id="3">Item 3</item></root>');
    expect(() => fn('xmlDeleteAt', get(doc, 'root', 'item'), 5)).toThrow(/invalid index \[5\]/);
    doc = fn('xmlParse', ITEMS);
    fn('xmlUpdate', get(doc, 'root'), 'xmlText', 'hello world!');
    expect(toStr(doc)).toBe(DECL + ITEMS.replace('</root>', 'hello world!</root>'));
  });
});

describe('XML functions', () => {
  it('xmlSearch: node sets as arrays of nodes, other results as simple values', () => {
    const doc = fn('xmlParse', ITEMS);
    const r = fn('xmlSearch', doc, '/root/item[@id>1]') as unknown[];
    expect(r.map((n) => get(n, 'xmlText'))).toEqual(['Item 2', 'Item 3']);
    expect(fn('xmlSearch', doc, 'count(//item)')).toBe(3);
    expect(fn('xmlSearch', doc, 'string(//item[3])')).toBe('Item 3');
    const attrs = fn('xmlSearch', doc, '//@id') as unknown[];
    expect(get(attrs[0], 'xmlValue')).toBe('1');
    expect(fn('isXmlAttribute', attrs[0])).toBe(true);
    expect(() => fn('xmlSearch', doc, '//[')).toThrow(/invalid XPath expression/);
    expect(() => fn('xmlSearch', 'text', '/a')).toThrow(/can't cast String to XML/);
  });
  it('isXml and friends', () => {
    const doc = fn('xmlParse', ITEMS);
    expect(fn('isXML', ITEMS)).toBe(true);
    expect(fn('isXML', '<a>')).toBe(false);
    expect(fn('isXML', doc)).toBe(true);
    expect(fn('isXmlDoc', doc)).toBe(true);
    expect(fn('isXmlDoc', ITEMS)).toBe(false);
    expect(fn('isXmlElem', get(doc, 'root'))).toBe(true);
    expect(fn('isXmlElem', doc)).toBe(false);
    expect(fn('isXmlNode', get(doc, 'root', 'item'))).toBe(true);
    expect(fn('isXmlRoot', get(doc, 'root'))).toBe(true);
    expect(fn('isXmlRoot', get(doc, 'root', 'item'))).toBe(false);
    expect(fn('isValid', 'xml', '<a/>')).toBe(true);
    expect(fn('isValid', 'xml', 'a')).toBe(false);
  });
  it('xmlGetNodeType, xmlChildPos, xmlHasChild', () => {
    const doc = fn('xmlParse', '<r><a/><b/><a/><!--c--></r>');
    expect(fn('xmlGetNodeType', doc)).toBe('DOCUMENT_NODE');
    expect(fn('xmlGetNodeType', get(doc, 'r'))).toBe('ELEMENT_NODE');
    expect(fn('xmlGetNodeType', get(doc, 'r', 'xmlNodes', 4))).toBe('COMMENT_NODE');
    expect(fn('xmlChildPos', get(doc, 'r'), 'a', 2)).toBe(3);
    expect(fn('xmlChildPos', get(doc, 'r'), 'a', 3)).toBe(-1);
    expect(fn('xmlHasChild', doc, 'r')).toBe(true);
    expect(fn('xmlHasChild', doc, 'a')).toBe(false);
    expect(fn('structKeyExists', get(doc, 'r'), 'b')).toBe(true);
    expect(fn('structKeyExists', get(doc, 'r'), 'z')).toBe(false);
  });
  it('serializeJSON writes the XML text; duplicate copies the DOM', () => {
    const doc = fn('xmlParse', '<a><b>1</b></a>');
    expect(fn('serializeJSON', doc)).toBe(JSON.stringify(DECL + '<a><b>1</b></a>'));
    const copy = fn('duplicate', doc);
    setKey(get(copy, 'a', 'b'), 'xmlText', '2', undefined, true);
    expect(get(doc, 'a', 'b', 'xmlText')).toBe('1');
    expect(get(copy, 'a', 'b', 'xmlText')).toBe('2');
  });
  it('xmlTransform and xmlValidate say they are not supported', () => {
    expect(() => fn('xmlTransform', fn('xmlParse', '<a/>'), '<xsl/>')).toThrow(/not supported/);
    expect(() => fn('xmlValidate', '<a/>')).toThrow(/not supported/);
  });
});
