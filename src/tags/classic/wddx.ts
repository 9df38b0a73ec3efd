/**
 * `<cfwddx action="cfml2wddx|wddx2cfml|cfml2js|wddx2js" input= output= topLevelVariable=
 * xmlConform= validate=>` and the WDDX 1.0 packet format, as Lucee writes and reads it:
 * `<wddxPacket version='1.0'><header/><data>...</data></wddxPacket>` with `<string>`, `<number>`,
 * `<boolean value='true'/>`, `<dateTime>2024-1-5T3:4:5+0:0</dateTime>` (UTC), `<binary length=>`
 * (Base64), `<array length=>`, `<struct><var name=>`, `<recordset rowCount= fieldNames=
 * type='coldfusion.sql.QueryTable'><field name=>` and `<null/>`. Attribute quotes are single
 * unless xmlConform="true" (then double, with an XML declaration). Control characters in strings
 * are written as `<char code='0c'/>` (the WDDX DTD's way; Lucee writes them raw, which is not XML).
 * cfml2js writes JavaScript statements as Lucee's JSConverter does (`new Object();`, lower-case
 * keys, queries as `new WddxRecordset()` for the WDDX JavaScript library).
 */
import { defineTag, Signal, type TagCall } from '../types.js';
import { Struct } from '../../runtime/struct.js';
import { Query } from '../../runtime/query.js';
import { toBool, toStr } from '../../runtime/cast.js';
import { expressionError } from '../../runtime/errors.js';
import { isXmlNode, parseXml } from '../../runtime/xml/node.js';
import { ComponentInstance } from '../../runtime/components/instance.js';

const xmlEsc = (s: string) =>
  s.replace(/[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : c === '"' ? '&quot;' : `<char code='${c.charCodeAt(0).toString(16).padStart(2, '0')}'/>`,
  );

/** Serializes a CFML value as a WDDX packet. */
export function toWddx(value: unknown, xmlConform = false): string {
  const q = xmlConform ? '"' : "'";
  const attr = (v: string | number) => `${q}${typeof v === 'string' ? xmlEsc(v) : v}${q}`;
  const seen = new Set<unknown>();
  const ser = (v: unknown): string => {
    if (v === null || v === undefined) return '<null/>';
    if (typeof v === 'string') return `<string>${xmlEsc(v)}</string>`;
    if (typeof v === 'number') return `<number>${toStr(v)}</number>`;
    if (typeof v === 'boolean') return `<boolean value=${attr(String(v))}/>`;
    if (v instanceof Date) {
      const d = v;
      return `<dateTime>${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()}T${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}+0:0</dateTime>`;
    }
    if (v instanceof Uint8Array) return `<binary length=${attr(v.length)}>${Buffer.from(v).toString('base64')}</binary>`;
    if (seen.has(v)) return '<null/>';
    seen.add(v);
    try {
      if (Array.isArray(v)) return `<array length=${attr(v.length)}>${v.map(ser).join('')}</array>`;
      if (v instanceof Query) {
        const cols = v.columns;
        let s = `<recordset rowCount=${attr(v.recordCount)} fieldNames=${attr(cols.join(','))} type=${attr('coldfusion.sql.QueryTable')}>`;
        for (const c of cols) {
          s += `<field name=${attr(c)}>`;
          for (let r = 1; r <= v.recordCount; r++) s += ser(v.getCell(c, r));
          s += '</field>';
        }
        return s + '</recordset>';
      }
      if (v instanceof ComponentInstance) throw expressionError('cfwddx cannot serialize a component', { detail: 'serialize a struct of its data instead' });
      if (v instanceof Struct) return `<struct>${v.entries().map(([k, x]) => `<var name=${attr(k)}>${ser(x)}</var>`).join('')}</struct>`;
      if (isXmlNode(v)) return `<string>${xmlEsc(toStr(v))}</string>`;
      return '<null/>';
    } finally {
      seen.delete(v);
    }
  };
  return `${xmlConform ? '<?xml version="1.0" encoding="UTF-8"?>' : ''}<wddxPacket version=${attr('1.0')}><header/><data>${ser(value)}</data></wddxPacket>`;
}

interface DomEl {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomEl>;
  getAttribute(name: string): string | null;
}

const elements = (n: DomEl): DomEl[] => Array.from(n.childNodes).filter((c) => c.nodeType === 1);

/** Parses WDDX dateTime text: `2024-1-5T3:4:5+0:0`, also with zero padding or without a zone (UTC). */
function wddxDate(text: string): Date {
  const m = /^\s*(-?\d+)-(\d+)-(\d+)(?:T(\d+):(\d+)(?::(\d+(?:\.\d+)?))?(?:([+-])(\d+)(?::(\d+))?|Z)?)?\s*$/.exec(text);
  if (!m) throw expressionError(`invalid WDDX dateTime [${text}]`);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0, 0) + Number(m[6] ?? 0) * 1000;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +(m[9] ?? 0)) * 60_000 : 0;
  return new Date(ms - offset);
}

function fromNode(n: DomEl): unknown {
  const kids = elements(n);
  switch (n.nodeName.toLowerCase()) {
    case 'null':
      return null;
    case 'string':
      return Array.from(n.childNodes)
        .map((c) => (c.nodeType === 1 && c.nodeName.toLowerCase() === 'char' ? String.fromCharCode(parseInt(c.getAttribute('code') ?? '0', 16)) : c.nodeType === 3 || c.nodeType === 4 ? c.nodeValue ?? '' : ''))
        .join('');
    case 'number': {
      const t = text(n).trim();
      const num = Number(t);
      if (t === '' || Number.isNaN(num)) throw expressionError(`invalid WDDX number [${t}]`);
      return num;
    }
    case 'boolean':
      return toBool(n.getAttribute('value') ?? 'false');
    case 'datetime':
      return wddxDate(text(n));
    case 'binary':
      return new Uint8Array(Buffer.from(text(n).replace(/\s+/g, ''), 'base64'));
    case 'array':
      return kids.map(fromNode);
    case 'struct': {
      const s = new Struct();
      for (const k of kids) if (k.nodeName.toLowerCase() === 'var') s.set(k.getAttribute('name') ?? '', elements(k)[0] ? fromNode(elements(k)[0]!) : null);
      return s;
    }
    case 'recordset': {
      const names = (n.getAttribute('fieldNames') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const q = new Query(names);
      const rows = Number(n.getAttribute('rowCount') ?? 0);
      if (rows > 0) q.addRows(rows);
      for (const f of kids) {
        const name = f.getAttribute('name') ?? '';
        if (!q.hasColumn(name)) q.addColumn(name, []);
        elements(f).forEach((cell, i) => {
          if (i < rows) q.setCell(name, fromNode(cell) ?? '', i + 1);
        });
      }
      return q;
    }
    default:
      throw expressionError(`invalid WDDX packet: unknown element <${n.nodeName}>`);
  }
}

const text = (n: DomEl): string => Array.from(n.childNodes).map((c) => (c.nodeType === 1 ? text(c) : c.nodeValue ?? '')).join('');

/** Reads a WDDX packet into a CFML value. @throws Expression error for text that is not a WDDX packet. */
export function fromWddx(packet: string): unknown {
  const doc = parseXml(packet).node as unknown as { documentElement: DomEl };
  const root = doc.documentElement;
  if (root.nodeName !== 'wddxPacket') throw expressionError(`invalid WDDX packet: the root element is <${root.nodeName}>, not <wddxPacket>`);
  const data = elements(root).find((e) => e.nodeName === 'data');
  if (!data) throw expressionError('invalid WDDX packet: no <data> element');
  const first = elements(data)[0];
  return first ? fromNode(first) : null;
}

const jsString = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c');

/** JavaScript statements that build the value in `name`, as Lucee's cfml2js writes them. */
export function toJs(value: unknown, name: string): string {
  let out = '';
  const seen = new Set<unknown>();
  const ser = (target: string, v: unknown): void => {
    if (v === null || v === undefined) out += 'null;';
    else if (typeof v === 'string') out += jsString(v) + ';';
    else if (typeof v === 'number') out += toStr(v) + ';';
    else if (typeof v === 'boolean') out += `"${v}";`;
    else if (v instanceof Date) out += `new Date(${v.getFullYear()},${v.getMonth()},${v.getDate()},${v.getHours()},${v.getMinutes()},${v.getSeconds()});`;
    else if (seen.has(v)) out += 'null;';
    else {
      seen.add(v);
      if (Array.isArray(v)) {
        out += 'new Array();';
        v.forEach((x, i) => {
          out += `${target}[${i}]=`;
          ser(`${target}[${i}]`, x);
        });
      } else if (v instanceof Query) {
        out += 'new WddxRecordset();';
        v.columns.forEach((c, i) => {
          out += `col${i}=new Array();`;
          for (let r = 1; r <= v.recordCount; r++) {
            out += `col${i}[${r - 1}]=`;
            ser(`col${i}[${r - 1}]`, v.getCell(c, r));
          }
          out += `${target}[${jsString(c.toLowerCase())}]=col${i};col${i}=null;`;
        });
      } else if (v instanceof Struct) {
        out += 'new Object();';
        for (const [k, x] of v.entries()) {
          const key = jsString(k.toLowerCase());
          out += `${target}[${key}]=`;
          ser(`${target}[${key}]`, x);
        }
      } else out += 'null;';
      seen.delete(v);
    }
  };
  ser(name, value);
  const body = out.trim();
  return `${name}=${body}${body.endsWith(';') ? '' : ';'}`;
}

function needTopLevel(call: TagCall): string {
  const t = call.attrs.toplevelvariable;
  if (t === undefined || toStr(t) === '') throw call.error('at tag cfwddx the attribute topLevelVariable is required if you set action equal wddx2js or cfml2js');
  const name = toStr(t);
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) throw call.error(`the topLevelVariable [${name}] is not a JavaScript variable name`);
  return name;
}

export const wddxTag = defineTag({
  name: 'wddx',
  attrs: [
    { name: 'action', required: true, values: ['cfml2wddx', 'wddx2cfml', 'cfml2js', 'wddx2js'] },
    { name: 'input', type: 'any', required: true },
    { name: 'output' },
    { name: 'toplevelvariable' },
    { name: 'usetimezoneinfo', type: 'boolean' },
    { name: 'validate', type: 'boolean' },
    { name: 'xmlconform', type: 'boolean' },
  ],
  run(call) {
    const a = call.attrs;
    const out = a.output === undefined || toStr(a.output) === '' ? undefined : toStr(a.output);
    const emit = (s: string) => (out ? call.setVariable(out, s) : call.write(s));
    switch (a.action) {
      case 'cfml2wddx':
        emit(toWddx(a.input, a.xmlconform === true));
        break;
      case 'wddx2cfml':
        if (!out) throw call.error('at tag cfwddx the attribute output is required if you set action==wddx2cfml');
        call.setVariable(out, fromWddx(toStr(a.input)));
        break;
      case 'cfml2js':
        emit(toJs(a.input, needTopLevel(call)));
        break;
      case 'wddx2js':
        emit(toJs(fromWddx(toStr(a.input)), needTopLevel(call)));
        break;
    }
    return Signal.Normal;
  },
});
