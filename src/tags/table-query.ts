/** Result tables of the mail engines (cfimap, cfpop) as CFML queries. */
import { Query } from '../runtime/query.js';
import { Struct } from '../runtime/struct.js';

/** A table of rows keyed by column name; plain objects in cells (CIDS) become structs, missing cells "". */
export function tableToQuery(t: { columns: readonly string[]; rows: ReadonlyArray<Record<string, unknown>> }): Query {
  const q = new Query([...t.columns]);
  if (t.rows.length) q.addRows(t.rows.length);
  t.rows.forEach((row, i) => {
    for (const c of t.columns) {
      let v = row[c];
      if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && !(v instanceof Uint8Array)) v = Struct.from(v as Record<string, unknown>);
      q.setCell(c, v ?? '', i + 1);
    }
  });
  return q;
}
