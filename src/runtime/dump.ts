import { ComponentInstance, dumpView } from './components/instance.js';
import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { CfFunction } from './function-value.js';
import { toStr, typeName } from './cast.js';
import { XmlNode } from './xml/node.js';
import { dumpXmlHtml, dumpXmlText } from './xml/dump.js';

export interface DumpOptions {
  label?: string;
  top?: number;
  format?: string;
}

/** Password-like keys are masked in dumps: a dump must never show a credential. */
const SECRET = /pass(word)?|secret|token|apikey|credential/i;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function simpleText(v: unknown): string {
  if (v === null || v === undefined) return '[null]';
  if (typeof v === 'string') return v === '' ? '[empty string]' : v;
  try {
    return toStr(v);
  } catch {
    return `[${typeName(v)}]`;
  }
}

/** A readable text rendering for terminals. */
export function dumpText(v: unknown, o: DumpOptions = {}): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, indent: string, depth: number) => {
    if (x instanceof QueryColumnRef) x = x.values();
    if (seen.has(x)) {
      lines.push(indent + '[circular reference]');
      return;
    }
    if (x instanceof ComponentInstance) {
      seen.add(x);
      lines.push(`${indent}Component (${x.cls.fullName})`);
      for (const [k, val] of dumpView(x).entries()) {
        if (isSimpleish(val) || SECRET.test(k)) lines.push(`${indent}  ${k}: ${SECRET.test(k) && val !== '' && val !== null ? '********' : simpleText(val)}`);
        else {
          lines.push(`${indent}  ${k}:`);
          walk(val, indent + '    ', depth + 1);
        }
      }
      const methods = [...x.cls.publicMethods.values()].map((f) => f.name);
      if (methods.length) lines.push(`${indent}  methods: ${methods.join(', ')}`);
      seen.delete(x);
      return;
    }
    if (x instanceof Struct) {
      seen.add(x);
      const entries = x.entries();
      const shown = shownCount(entries.length, o.top);
      lines.push(`${indent}Struct (${x.size}${shown < entries.length ? `, first ${shown} shown` : ''})`);
      for (const [k, val] of entries.slice(0, shown)) {
        if (isSimpleish(val) || SECRET.test(k)) lines.push(`${indent}  ${k}: ${SECRET.test(k) && val !== '' ? '********' : simpleText(val)}`);
        else {
          lines.push(`${indent}  ${k}:`);
          walk(val, indent + '    ', depth + 1);
        }
      }
      seen.delete(x);
    } else if (Array.isArray(x)) {
      seen.add(x);
      const shown = shownCount(x.length, o.top);
      lines.push(`${indent}Array (${x.length}${shown < x.length ? `, first ${shown} shown` : ''})`);
      x.slice(0, shown).forEach((val, i) => {
        if (isSimpleish(val)) lines.push(`${indent}  ${i + 1}: ${simpleText(val)}`);
        else {
          lines.push(`${indent}  ${i + 1}:`);
          walk(val, indent + '    ', depth + 1);
        }
      });
      seen.delete(x);
    } else if (x instanceof Query) {
      lines.push(...queryTable(x, o.top).map((l) => indent + l));
    } else if (x instanceof XmlNode) {
      lines.push(...dumpXmlText(x, indent));
    } else if (x instanceof CfFunction) {
      lines.push(`${indent}Function ${x.name}(${x.paramNames.join(', ')})`);
    } else lines.push(indent + simpleText(x));
  };
  if (o.label) lines.push(o.label);
  walk(v, '', 0);
  return lines.join('\n') + '\n';
}

/** `top` limits the rows of queries, the elements of arrays and the keys of structs, at every level. */
const shownCount = (n: number, top?: number) => (top !== undefined && top >= 0 ? Math.min(n, Math.floor(top)) : n);

function isSimpleish(v: unknown): boolean {
  return !(v instanceof Struct || Array.isArray(v) || v instanceof Query || v instanceof QueryColumnRef || v instanceof XmlNode);
}

function cell(v: unknown): string {
  if (v instanceof Struct || Array.isArray(v)) return `[${typeName(v)}]`;
  return simpleText(v).replace(/\s+/g, ' ');
}

function queryTable(q: Query, top?: number): string[] {
  const rows = Math.min(q.recordCount, top ?? q.recordCount);
  const cols = q.columns;
  const data: string[][] = [];
  for (let r = 1; r <= rows; r++) data.push(cols.map((c) => truncate(cell(q.getCell(c, r)), 40)));
  const widths = cols.map((c, i) => Math.max(c.length, ...data.map((d) => d[i]!.length), 1));
  const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  const sep = '+-' + widths.map((w) => '-'.repeat(w)).join('-+-') + '-+';
  const out = [`Query (${q.recordCount} rows${rows < q.recordCount ? `, first ${rows} shown` : ''})`, sep, line(cols), sep];
  for (const d of data) out.push(line(d));
  out.push(sep);
  return out;
}

const truncate = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** An HTML table rendering for web pages, in the spirit of Lucee's dump. */
export function dumpHtml(v: unknown, o: DumpOptions = {}): string {
  const seen = new Set<unknown>();
  const render = (x: unknown): string => {
    if (x instanceof QueryColumnRef) x = x.values();
    if (seen.has(x)) return '<em>[circular reference]</em>';
    if (x instanceof ComponentInstance) {
      seen.add(x);
      const rows = dumpView(x).entries().map(([k, val]) => `<tr><th>${escapeHtml(k)}</th><td>${SECRET.test(k) && val !== '' && val !== null ? '********' : render(val)}</td></tr>`).join('');
      const methods = [...x.cls.publicMethods.values()].map((f) => escapeHtml(f.name)).join(', ');
      seen.delete(x);
      return `<table class="cfdump component"><caption>Component (${escapeHtml(x.cls.fullName)})</caption>${rows}${methods ? `<tr><th>methods</th><td>${methods}</td></tr>` : ''}</table>`;
    }
    if (x instanceof Struct) {
      seen.add(x);
      const rows = x.entries().map(([k, val]) => `<tr><th>${escapeHtml(k)}</th><td>${SECRET.test(k) && val !== '' ? '********' : render(val)}</td></tr>`).join('');
      seen.delete(x);
      return `<table class="cfdump struct"><caption>Struct</caption>${rows}</table>`;
    }
    if (Array.isArray(x)) {
      seen.add(x);
      const rows = x.map((val, i) => `<tr><th>${i + 1}</th><td>${render(val)}</td></tr>`).join('');
      seen.delete(x);
      return `<table class="cfdump array"><caption>Array</caption>${rows}</table>`;
    }
    if (x instanceof Query) {
      const rows = Math.min(x.recordCount, o.top ?? x.recordCount);
      let h = `<table class="cfdump query"><caption>Query (${x.recordCount} rows)</caption><tr><th></th>${x.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
      for (let r = 1; r <= rows; r++) h += `<tr><th>${r}</th>${x.columns.map((c) => `<td>${render(x.getCell(c, r))}</td>`).join('')}</tr>`;
      return h + '</table>';
    }
    if (x instanceof XmlNode) return dumpXmlHtml(x);
    if (x instanceof CfFunction) return `<em>function ${escapeHtml(x.name)}</em>`;
    return escapeHtml(simpleText(x));
  };
  return `<div class="cfdump">${o.label ? `<strong>${escapeHtml(o.label)}</strong>` : ''}${render(v)}</div>`;
}
