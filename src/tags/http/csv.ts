/**
 * `<cfhttp name="q">`: the response body read as CSV into a query (Lucee's HTTP tag: `columns`,
 * `delimiter`, `textQualifier`, `firstRowAsHeaders`). A qualified field may hold delimiters,
 * line breaks and doubled qualifiers.
 */
import { Query } from '../../runtime/query.js';

export interface CsvOptions {
  /** Comma-separated column names; replace (or, without headers, name) the columns. */
  columns?: string;
  delimiter: string;
  /** Quote character; '' turns quoting off. */
  qualifier: string;
  firstRowAsHeaders: boolean;
}

/** Splits CSV text into rows of fields. */
export function parseCsv(text: string, delimiter: string, qualifier: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const d = delimiter || ',';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (qualifier && c === qualifier) {
        if (text[i + 1] === qualifier) {
          field += c;
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (qualifier && c === qualifier && field === '') quoted = true;
    else if (text.startsWith(d, i)) {
      row.push(field);
      field = '';
      i += d.length - 1;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The CSV text as a query; column names come from `columns`, the first row, or COLUMN_1... */
export function csvToQuery(text: string, opts: CsvOptions): Query {
  const rows = parseCsv(text, opts.delimiter, opts.qualifier);
  const first = opts.firstRowAsHeaders ? rows.shift() ?? [] : [];
  const width = Math.max(first.length, ...rows.map((r) => r.length), 0);
  let names = opts.columns ? opts.columns.split(',').map((s) => s.trim()) : first.map((s) => s.trim());
  names = Array.from({ length: Math.max(width, names.length) }, (_, i) => names[i] || `COLUMN_${i + 1}`);
  const q = new Query(names);
  for (const r of rows) {
    const n = q.addRows(1);
    names.forEach((c, i) => q.setCell(c, r[i] ?? '', n));
  }
  return q;
}
