import { ComponentInstance, propertyValues } from '../components/instance.js';
import type { FunctionDef, MemberReceiver } from './types.js';
import { XmlNode, serializeXml } from '../xml/node.js';
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';
import { CfFunction } from '../function-value.js';
import { numberToString, toStr } from '../cast.js';
import { dateParts, formatDateTimeMask } from './date-mask.js';

export type QueryFormat = 'row' | 'column' | 'struct';

export function queryFormatOf(v: unknown): QueryFormat {
  if (v === undefined || v === null || v === '') return 'row';
  if (typeof v === 'boolean') return v ? 'column' : 'row';
  const s = toStr(v).trim().toLowerCase();
  if (s === 'row' || s === 'false' || s === 'no') return 'row';
  if (s === 'column' || s === 'true' || s === 'yes') return 'column';
  if (s === 'struct') return 'struct';
  throw expressionError(`invalid argument [queryFormat] for function [serializeJSON]: invalid value [${toStr(v)}], valid values are [row, column, struct]`);
}

/** How Lucee writes a date into JSON: "January, 05 2024 10:00:00 +0100". */
export function jsonDate(d: Date): string {
  return formatDateTimeMask(dateParts(d), 'MMMM, dd yyyy HH:nn:ss Z');
}

const quote = (s: string) => JSON.stringify(s);

/** Serialises a CFML value to JSON text following Lucee's rules. */
export function serialize(value: unknown, qf: QueryFormat = 'row', seen: Set<object> = new Set()): string {
  if (value instanceof QueryColumnRef) value = value.current();
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? numberToString(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(jsonDate(value));
  if (value instanceof Uint8Array) return quote(Buffer.from(value).toString('base64'));
  if (value instanceof CfFunction) throw expressionError(`can't serialize a function [${value.name}] to JSON`);
  // an XML document or node is its XML text (Lucee)
  if (value instanceof XmlNode) return quote(serializeXml(value));
  if (typeof value !== 'object') return quote(String(value));
  if (seen.has(value)) throw expressionError('can\'t serialize a value to JSON that contains itself (circular reference)');
  seen.add(value);
  try {
    if (Array.isArray(value)) return '[' + Array.from(value, (v) => serialize(v, qf, seen)).join(',') + ']';
    // a component serializes as its properties (Lucee)
    if (value instanceof ComponentInstance) return serialize(propertyValues(value), qf, seen);
    if (value instanceof Struct) return '{' + value.entries().map(([k, v]) => quote(k) + ':' + serialize(v, qf, seen)).join(',') + '}';
    if (value instanceof Query) return serializeQuery(value, qf, seen);
    if (value instanceof Map) return '{' + [...value].map(([k, v]) => quote(String(k)) + ':' + serialize(v, qf, seen)).join(',') + '}';
    return '{' + Object.entries(value).map(([k, v]) => quote(k) + ':' + serialize(v, qf, seen)).join(',') + '}';
  } finally {
    seen.delete(value);
  }
}

function serializeQuery(q: Query, qf: QueryFormat, seen: Set<object>): string {
  const cols = q.columns;
  const upper = cols.map((c) => quote(c.toUpperCase()));
  const data = cols.map((c) => q.column(c));
  if (qf === 'struct') {
    const rows: string[] = [];
    for (let r = 0; r < q.recordCount; r++) rows.push('{' + cols.map((_, i) => upper[i] + ':' + serialize(data[i]![r], qf, seen)).join(',') + '}');
    return '[' + rows.join(',') + ']';
  }
  const head = `"COLUMNS":[${upper.join(',')}]`;
  if (qf === 'column') {
    const body = cols.map((_, i) => upper[i] + ':[' + data[i]!.map((v) => serialize(v, qf, seen)).join(',') + ']').join(',');
    return `{"ROWCOUNT":${q.recordCount},${head},"DATA":{${body}}}`;
  }
  const rows: string[] = [];
  for (let r = 0; r < q.recordCount; r++) rows.push('[' + data.map((col) => serialize(col[r], qf, seen)).join(',') + ']');
  return `{${head},"DATA":[${rows.join(',')}]}`;
}

// ---- parsing --------------------------------------------------------------------------------

class JsonReader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    const near = this.text.slice(Math.max(0, this.pos - 10), this.pos + 10);
    throw expressionError(`JSON parsing failure: ${what} at position ${this.pos + 1}`, { detail: `near [${near}]` });
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') this.pos++;
      else if (c === '/' && t[this.pos + 1] === '/') {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? t.length : end + 2;
      } else break;
    }
  }

  value(): unknown {
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'") return this.string();
    if (c === undefined) this.fail('unexpected end of input');
    const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    this.fail(`unexpected character [${c}]`);
  }

  string(): string {
    const q = this.text[this.pos++]!;
    let out = '';
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos++]!;
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t[this.pos++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          const hex = t.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid unicode escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        case undefined: this.fail('unterminated string');
        default: out += e;
      }
    }
    this.fail('unterminated string');
  }

  key(): string {
    this.ws();
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.string();
    const m = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a key');
    this.pos += m[0].length;
    return m[0];
  }

  object(): Struct {
    this.pos++;
    const s = new Struct();
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return s;
    }
    for (;;) {
      const k = this.key();
      this.ws();
      if (this.text[this.pos] !== ':') this.fail('expected [:]');
      this.pos++;
      s.set(k, this.value());
      this.ws();
      const c = this.text[this.pos++];
      if (c === '}') return s;
      if (c !== ',') this.fail('expected [,] or [}]');
      this.ws();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return s;
      }
    }
  }

  array(): unknown[] {
    this.pos++;
    const a: unknown[] = [];
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.ws();
      const c = this.text[this.pos++];
      if (c === ']') return a;
      if (c !== ',') this.fail('expected [,] or []]');
      this.ws();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return a;
      }
    }
  }
}

/** Parses JSON text (plus the leniencies Lucee's JSON5 reader allows) into CFML values. */
export function parseJson(text: string): unknown {
  const r = new JsonReader(text);
  const v = r.value();
  r.ws();
  if (r.pos < text.length) r.fail('unexpected text after the value');
  return v;
}

/** With strictMapping=false, `{COLUMNS, DATA}` objects (row or column form) become queries. */
function toQueries(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toQueries);
  if (!(v instanceof Struct)) return v;
  const cols = v.get('COLUMNS');
  const data = v.get('DATA');
  const keys = v.keys().map((k) => k.toUpperCase()).sort().join(',');
  if (Array.isArray(cols) && cols.every((c) => typeof c === 'string')) {
    if (keys === 'COLUMNS,DATA' && Array.isArray(data) && data.every(Array.isArray)) {
      const q = new Query(cols as string[]);
      for (const row of data as unknown[][]) {
        const n = q.addRows(1);
        (cols as string[]).forEach((c, i) => q.setCell(c, toQueries(row[i] ?? null), n));
      }
      return q;
    }
    if (keys === 'COLUMNS,DATA,ROWCOUNT' && data instanceof Struct) {
      const q = new Query(cols as string[]);
      const count = Number(v.get('ROWCOUNT')) || 0;
      if (count) q.addRows(count);
      for (const c of cols as string[]) {
        const values = data.get(c);
        if (Array.isArray(values)) values.forEach((x, i) => i < count && q.setCell(c, toQueries(x), i + 1));
      }
      return q;
    }
  }
  for (const [k, x] of v.entries()) v.set(k, toQueries(x));
  return v;
}

const jsonMembers: MemberReceiver[] = ['struct', 'array', 'query', 'string', 'numeric', 'boolean', 'date'];

export const jsonFunctions: FunctionDef[] = [
  {
    name: 'serializeJSON',
    params: [
      { name: 'data', type: 'any', required: true },
      { name: 'queryFormat', type: 'any' },
      { name: 'useSecureJSONPrefix', type: 'any' },
      { name: 'useCustomSerializer', type: 'any' },
    ],
    members: jsonMembers.map((type) => ({ type, name: 'toJSON' })),
    impl: (_ctx, data: unknown, queryFormat?: unknown, secure?: unknown) => {
      const json = serialize(data, queryFormatOf(queryFormat));
      const prefix = secure !== undefined && secure !== '' && typeof secure !== 'object' && /^(true|yes|1)$/i.test(String(secure)) ? '//' : '';
      return prefix + json;
    },
  },
  {
    name: 'deserializeJSON',
    params: [
      { name: 'json', type: 'string', required: true },
      { name: 'strictMapping', type: 'boolean', default: true },
      { name: 'useCustomSerializer', type: 'any' },
    ],
    members: [{ type: 'string', name: 'deserializeJSON' }],
    impl: (_ctx, json: string, strict: boolean) => {
      if (json.trim() === '') throw expressionError('JSON parsing failure: the input is empty');
      const v = parseJson(json);
      return strict ? v : toQueries(v);
    },
  },
];

