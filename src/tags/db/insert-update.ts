/**
 * `<cfinsert>` and `<cfupdate>` (Lucee's attributes: datasource, tableName, tableOwner /
 * tableQualifier as the schema, formFields, username, password): one row from the form scope.
 * The table's columns (and primary key) are read from the database; the form fields that name a
 * column (all of them, or those listed in formFields) are bound as parameters typed after their
 * column, so no form value ever becomes SQL. An empty value for a column that is not text is NULL.
 * The FIELDNAMES field and the validation fields of a cfform (NAME_required...) are never columns.
 * cfupdate sets the non-key fields of the row whose primary key the form gives (every key column
 * must be in the form). Errors: a bad table name, a table with no such columns, no field to
 * write, a missing key.
 */
import { defineTag, Signal, type TagCall } from '../types.js';
import { andThen } from '../../runtime/maybe.js';
import { toStr } from '../../runtime/cast.js';
import { databaseService, executeQuery, type QueryOptions } from '../../db/execute.js';
import { bindParam } from '../../db/params.js';
import type { DatasourceSettings } from '../../db/service.js';
import type { SqlTemplate } from '../../db/statement.js';
import type { BoundParam, DriverName } from '../../db/types.js';
import type { Query } from '../../runtime/query.js';

interface Column {
  name: string;
  type: string;
  pk: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_$]*$/;

const quoteFor = (driver: DriverName) => (id: string) => (driver === 'mysql' ? `\`${id.replace(/`/g, '``')}\`` : `"${id.replace(/"/g, '""')}"`);

/** The cf_sql type a column's declared type binds as. */
function cfType(dbType: string): string {
  const t = dbType.toLowerCase();
  if (/bool|^bit/.test(t)) return 'bit';
  if (/int/.test(t)) return 'bigint';
  if (/real|floa|doub|num|dec|money/.test(t)) return 'double';
  if (/timestamp|datetime/.test(t)) return 'timestamp';
  if (/^date/.test(t)) return 'date';
  if (/^time/.test(t)) return 'time';
  if (/blob|bytea|binary/.test(t)) return 'blob';
  return 'varchar';
}

const tpl = (texts: string[], params: BoundParam[][]): SqlTemplate => ({ texts, params });

/** The metadata query for a table's columns: name, declared type, whether it is in the primary key. */
function columnsSql(driver: DriverName, table: string, schema: string | undefined): SqlTemplate {
  const p = (v: string) => bindParam({ value: v, cfsqltype: 'varchar' });
  if (driver === 'sqlite') {
    return tpl(['SELECT name, type, pk FROM pragma_table_info(', schema ? ', ' : '', ') ORDER BY cid'], schema ? [p(table), p(schema)] : [p(table), []]);
  }
  if (driver === 'mysql') {
    return tpl(
      ["SELECT column_name AS name, data_type AS type, CASE WHEN column_key = 'PRI' THEN 1 ELSE 0 END AS pk FROM information_schema.columns WHERE table_name = ", ` AND table_schema = ${schema ? '' : 'DATABASE()'}`, ' ORDER BY ordinal_position'],
      schema ? [p(table), p(schema)] : [p(table), []],
    );
  }
  return tpl(
    [
      `SELECT c.column_name AS name, c.data_type AS type, CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema AND tc.table_name = c.table_name AND k.column_name = c.column_name) THEN 1 ELSE 0 END AS pk FROM information_schema.columns c WHERE c.table_name = `,
      ` AND c.table_schema = ${schema ? '' : 'current_schema()'}`,
      ' ORDER BY c.ordinal_position',
    ],
    schema ? [p(table), p(schema)] : [p(table), []],
  );
}

const VALIDATION_FIELD = /_(required|integer|int|float|numeric|range|date|usdate|eurodate|time|boolean|email|url|uuid|guid|zipcode|zip|telephone|phone|ssn|social_security_number|creditcard|noblanks|maxlength|regex|regular_expression)$/i;

/** The form fields to write: formFields= or every form field, without FIELDNAMES and validation fields. */
function fieldNames(call: TagCall): string[] {
  const ff = call.attrs.formfields;
  const names = ff !== undefined && toStr(ff).trim() !== '' ? toStr(ff).split(',').map((s) => s.trim()).filter(Boolean) : call.ctx.form.keys();
  return names.filter((n) => n.toLowerCase() !== 'fieldnames' && !VALIDATION_FIELD.test(n));
}

function run(call: TagCall, action: 'insert' | 'update') {
  const a = call.attrs;
  const table = toStr(a.tablename);
  const schemaRaw = a.tableowner ?? a.tablequalifier;
  const schema = schemaRaw === undefined || toStr(schemaRaw) === '' ? undefined : toStr(schemaRaw);
  for (const id of [table, schema]) if (id !== undefined && !IDENT.test(id)) throw call.error(`invalid table name [${id}] for tag [cf${action}]`, { detail: 'a table or schema name is letters, digits, _ and $ (starting with a letter or _)' });
  const opts: QueryOptions = {
    datasource: a.datasource,
    username: a.username === undefined ? undefined : toStr(a.username),
    password: a.password === undefined ? undefined : toStr(a.password),
  };
  const service = databaseService(call.ctx.engine);
  const driver = service.pool(service.datasource(a.datasource, call.ctx.appDatasources as DatasourceSettings | undefined)).driver;
  const q = quoteFor(driver);
  return andThen(executeQuery(call.ctx, columnsSql(driver, table, schema), opts, call.node.loc), (meta) => {
    const cols = columnsOf(meta.query);
    if (!cols.length) throw call.error(`table [${schema ? schema + '.' : ''}${table}] not found, or it has no columns`, { type: 'Database' });
    const byName = new Map(cols.map((c) => [c.name.toLowerCase(), c]));
    const form = call.ctx.form;
    const used: Array<{ col: Column; value: BoundParam[] }> = [];
    for (const f of fieldNames(call)) {
      const col = byName.get(f.toLowerCase());
      if (!col || !form.has(f) || used.some((u) => u.col === col)) continue;
      const raw = form.get(f);
      const type = cfType(col.type);
      const empty = toStr(raw ?? '') === '' && type !== 'varchar';
      used.push({ col, value: bindParam({ value: raw, cfsqltype: type, null: empty }) });
    }
    const target = (schema ? q(schema) + '.' : '') + q(table);
    let t: SqlTemplate;
    if (action === 'insert') {
      if (!used.length) throw call.error(`no form field names a column of table [${table}]`, { detail: `the columns are [${cols.map((c) => c.name).join(', ')}]` });
      t = tpl([`INSERT INTO ${target} (${used.map((u) => q(u.col.name)).join(', ')}) VALUES (`, ...used.slice(1).map(() => ', '), ')'], used.map((u) => u.value));
    } else {
      const keys = cols.filter((c) => c.pk);
      if (!keys.length) throw call.error(`table [${table}] has no primary key, so cfupdate cannot tell which row to update`);
      const missing = keys.filter((k) => !used.some((u) => u.col === k));
      if (missing.length) throw call.error(`the form has no field for the primary key column [${missing.map((k) => k.name).join(', ')}] of table [${table}]`);
      const sets = used.filter((u) => !u.col.pk);
      if (!sets.length) throw call.error(`no form field names a column of table [${table}] to update`);
      const where = used.filter((u) => u.col.pk);
      const texts = [`UPDATE ${target} SET ${q(sets[0]!.col.name)} = `];
      for (const s of sets.slice(1)) texts.push(`, ${q(s.col.name)} = `);
      texts.push(` WHERE ${q(where[0]!.col.name)} = `);
      for (const w of where.slice(1)) texts.push(` AND ${q(w.col.name)} = `);
      texts.push('');
      t = tpl(texts, [...sets, ...where].map((u) => u.value));
    }
    return andThen(executeQuery(call.ctx, t, opts, call.node.loc), () => Signal.Normal);
  });
}

function columnsOf(q: Query): Column[] {
  const out: Column[] = [];
  for (let r = 1; r <= q.recordCount; r++) {
    out.push({ name: toStr(q.getCell('name', r)), type: toStr(q.getCell('type', r)), pk: Number(q.getCell('pk', r)) > 0 });
  }
  return out;
}

const ATTRS = [
  { name: 'datasource', type: 'any' as const }, { name: 'tablename', required: true }, { name: 'tableowner' }, { name: 'tablequalifier' },
  { name: 'formfields' }, { name: 'username' }, { name: 'password' }, { name: 'providerdsn' }, { name: 'dbtype' }, { name: 'dbname' }, { name: 'dbserver' },
];

export const insertTag = defineTag({ name: 'insert', attrs: ATTRS, run: (call) => run(call, 'insert') });
export const updateTag = defineTag({ name: 'update', attrs: ATTRS, run: (call) => run(call, 'update') });
