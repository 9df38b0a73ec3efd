/**
 * Parser for the SQL of query-of-queries (`<cfquery dbtype="query">`, queryExecute with
 * `{dbtype: "query"}`): one SELECT over one query variable.
 *
 *   SELECT [DISTINCT] [TOP n] * | item [, item]...   item: expr [[AS] alias] | t.*
 *   FROM name [[AS] alias]
 *   [WHERE cond] [GROUP BY expr, ... [HAVING cond]] [ORDER BY expr|alias|position [ASC|DESC], ...]
 *   [LIMIT n [OFFSET m]]
 *
 * Conditions: = <> != < > <= >=, [NOT] LIKE 'pattern' [ESCAPE 'c'], [NOT] IN (...),
 * IS [NOT] NULL, [NOT] BETWEEN a AND b, AND / OR / NOT, parentheses. Values: numbers, 'strings',
 * NULL, TRUE/FALSE, `?` and `:name` parameters, columns (case-insensitive, `[x]` or `"x"`
 * quoted), + - * / % ||, functions (aggregates COUNT SUM AVG MIN MAX, and a few scalar ones).
 */
import { CfmlError } from '../errors.js';

export type SqlExpr =
  | { k: 'lit'; v: unknown }
  | { k: 'col'; table?: string; name: string }
  | { k: 'param'; pos?: number; name?: string }
  | { k: 'star' }
  | { k: 'bin'; op: string; l: SqlExpr; r: SqlExpr }
  | { k: 'not'; e: SqlExpr }
  | { k: 'neg'; e: SqlExpr }
  | { k: 'like'; e: SqlExpr; pattern: SqlExpr; escape?: SqlExpr; not: boolean }
  | { k: 'in'; e: SqlExpr; list: SqlExpr[]; not: boolean }
  | { k: 'isnull'; e: SqlExpr; not: boolean }
  | { k: 'between'; e: SqlExpr; lo: SqlExpr; hi: SqlExpr; not: boolean }
  | { k: 'fn'; name: string; args: SqlExpr[]; distinct: boolean };

export interface SelectItem {
  expr: SqlExpr;
  alias?: string;
  /** `*` or `t.*`. */
  star?: boolean;
}

export interface OrderItem {
  expr: SqlExpr;
  desc: boolean;
}

export interface SelectStmt {
  distinct: boolean;
  top?: number;
  items: SelectItem[];
  from: { name: string; alias?: string };
  where?: SqlExpr;
  groupBy: SqlExpr[];
  having?: SqlExpr;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
  /** How many `?` placeholders the statement has. */
  positional: number;
}

export const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max']);

interface Tok {
  t: 'id' | 'qid' | 'num' | 'str' | 'op' | 'param' | 'named' | 'eof';
  v: string;
  at: number;
}

export function sqlError(message: string, sql: string, at?: number): CfmlError {
  const where = at === undefined ? '' : ` near [${sql.slice(at, at + 30).replace(/\s+/g, ' ').trim() || 'the end'}]`;
  return new CfmlError(`Query of queries: ${message}${where}`, { type: 'Database', detail: `SQL: ${sql.trim().replace(/\s+/g, ' ')}` });
}

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw sqlError('unclosed comment', sql, i);
      i = end + 2;
      continue;
    }
    const at = i;
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= n) throw sqlError('unterminated string', sql, at);
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += sql[i++];
      }
      out.push({ t: 'str', v: s, at });
      continue;
    }
    if (c === '[' || c === '"' || c === '`') {
      const close = c === '[' ? ']' : c;
      const end = sql.indexOf(close, i + 1);
      if (end < 0) throw sqlError('unclosed quoted name', sql, at);
      out.push({ t: 'qid', v: sql.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(sql.slice(i))!;
      out.push({ t: 'num', v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(sql.slice(i))!;
      out.push({ t: 'id', v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (c === '?') {
      out.push({ t: 'param', v: '?', at });
      i++;
      continue;
    }
    if (c === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^:([A-Za-z_]\w*)/.exec(sql.slice(i))!;
      out.push({ t: 'named', v: m[1]!, at });
      i += m[0].length;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (['<=', '>=', '<>', '!=', '||'].includes(two)) {
      out.push({ t: 'op', v: two, at });
      i += 2;
      continue;
    }
    if ('=<>+-*/%(),.;'.includes(c)) {
      out.push({ t: 'op', v: c, at });
      i++;
      continue;
    }
    throw sqlError(`unexpected character [${c}]`, sql, at);
  }
  out.push({ t: 'eof', v: '', at: n });
  return out;
}

const RESERVED = new Set([
  'select', 'distinct', 'top', 'from', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'between', 'order', 'by',
  'group', 'having', 'as', 'asc', 'desc', 'limit', 'offset', 'escape', 'union', 'join', 'on', 'inner', 'left', 'right',
]);

class Parser {
  private i = 0;
  private positional = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly sql: string,
  ) {}

  private get cur(): Tok {
    return this.toks[this.i]!;
  }

  private isKw(kw: string, off = 0): boolean {
    const t = this.toks[this.i + off]!;
    return t.t === 'id' && t.v.toLowerCase() === kw;
  }

  private eatKw(kw: string): boolean {
    if (!this.isKw(kw)) return false;
    this.i++;
    return true;
  }

  private needKw(kw: string): void {
    if (!this.eatKw(kw)) throw this.err(`expected [${kw.toUpperCase()}]`);
  }

  private isOp(op: string): boolean {
    return this.cur.t === 'op' && this.cur.v === op;
  }

  private eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }

  private needOp(op: string): void {
    if (!this.eatOp(op)) throw this.err(`expected [${op}]`);
  }

  private err(message: string): CfmlError {
    return sqlError(message, this.sql, this.cur.at);
  }

  private name(what: string): string {
    const t = this.cur;
    if (t.t === 'qid' || (t.t === 'id' && !RESERVED.has(t.v.toLowerCase()))) {
      this.i++;
      return t.v;
    }
    throw this.err(`expected ${what}`);
  }

  private integer(what: string): number {
    const t = this.cur;
    if (t.t !== 'num' || !/^\d+$/.test(t.v)) throw this.err(`${what} must be a whole number`);
    this.i++;
    return Number(t.v);
  }

  parse(): SelectStmt {
    this.needKw('select');
    const stmt: SelectStmt = { distinct: false, items: [], from: { name: '' }, groupBy: [], orderBy: [], positional: 0 };
    if (this.eatKw('distinct')) stmt.distinct = true;
    else this.eatKw('all');
    if (this.eatKw('top')) stmt.top = this.integer('TOP');
    do stmt.items.push(this.selectItem());
    while (this.eatOp(','));
    this.needKw('from');
    stmt.from.name = this.tableName();
    if (this.eatKw('as')) stmt.from.alias = this.name('a table alias');
    else if (this.cur.t === 'qid' || (this.cur.t === 'id' && !RESERVED.has(this.cur.v.toLowerCase()))) stmt.from.alias = this.name('a table alias');
    if (this.isOp(',') || this.isKw('join') || this.isKw('inner') || this.isKw('left') || this.isKw('right')) {
      throw this.err('a query of queries selects from one query only (joins are not supported)');
    }
    if (this.eatKw('where')) stmt.where = this.expr();
    if (this.eatKw('group')) {
      this.needKw('by');
      do stmt.groupBy.push(this.expr());
      while (this.eatOp(','));
      if (this.eatKw('having')) stmt.having = this.expr();
    }
    if (this.eatKw('order')) {
      this.needKw('by');
      do {
        const expr = this.expr();
        let desc = false;
        if (this.eatKw('desc')) desc = true;
        else this.eatKw('asc');
        stmt.orderBy.push({ expr, desc });
      } while (this.eatOp(','));
    }
    if (this.eatKw('limit')) {
      stmt.limit = this.integer('LIMIT');
      if (this.eatKw('offset')) stmt.offset = this.integer('OFFSET');
    }
    this.eatOp(';');
    if (this.isKw('union')) throw this.err('UNION is not supported in a query of queries');
    if (this.cur.t !== 'eof') throw this.err('unexpected text');
    stmt.positional = this.positional;
    return stmt;
  }

  /** `q`, `variables.q`, `local.mail.list`: the variable holding the query. */
  private tableName(): string {
    let n = this.name('the name of a query after FROM');
    while (this.isOp('.')) {
      this.i++;
      n += '.' + this.name('a name after [.]');
    }
    return n;
  }

  private selectItem(): SelectItem {
    if (this.eatOp('*')) return { expr: { k: 'star' }, star: true };
    // t.*
    if ((this.cur.t === 'id' || this.cur.t === 'qid') && this.toks[this.i + 1]!.v === '.' && this.toks[this.i + 2]!.v === '*') {
      this.i += 3;
      return { expr: { k: 'star' }, star: true };
    }
    const expr = this.expr();
    let alias: string | undefined;
    if (this.eatKw('as')) alias = this.cur.t === 'str' ? this.toks[this.i++]!.v : this.name('an alias after AS');
    else if (this.cur.t === 'qid' || (this.cur.t === 'id' && !RESERVED.has(this.cur.v.toLowerCase()))) alias = this.name('an alias');
    return { expr, alias };
  }

  expr(): SqlExpr {
    let l = this.andExpr();
    while (this.eatKw('or')) l = { k: 'bin', op: 'or', l, r: this.andExpr() };
    return l;
  }

  private andExpr(): SqlExpr {
    let l = this.notExpr();
    while (this.eatKw('and')) l = { k: 'bin', op: 'and', l, r: this.notExpr() };
    return l;
  }

  private notExpr(): SqlExpr {
    if (this.eatKw('not')) return { k: 'not', e: this.notExpr() };
    return this.predicate();
  }

  private predicate(): SqlExpr {
    const e = this.additive();
    if (this.cur.t === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(this.cur.v)) {
      const op = this.toks[this.i++]!.v;
      return { k: 'bin', op: op === '!=' ? '<>' : op, l: e, r: this.additive() };
    }
    if (this.eatKw('is')) {
      const not = this.eatKw('not');
      this.needKw('null');
      return { k: 'isnull', e, not };
    }
    const not = this.isKw('not') && (this.isKw('like', 1) || this.isKw('in', 1) || this.isKw('between', 1)) ? (this.i++, true) : false;
    if (this.eatKw('like')) {
      const pattern = this.additive();
      const escape = this.eatKw('escape') ? this.additive() : undefined;
      return { k: 'like', e, pattern, escape, not };
    }
    if (this.eatKw('in')) {
      this.needOp('(');
      const list: SqlExpr[] = [];
      do list.push(this.additive());
      while (this.eatOp(','));
      this.needOp(')');
      return { k: 'in', e, list, not };
    }
    if (this.eatKw('between')) {
      const lo = this.additive();
      this.needKw('and');
      return { k: 'between', e, lo, hi: this.additive(), not };
    }
    if (not) throw this.err('expected LIKE, IN or BETWEEN after NOT');
    return e;
  }

  private additive(): SqlExpr {
    let l = this.multiplicative();
    while (this.cur.t === 'op' && (this.cur.v === '+' || this.cur.v === '-' || this.cur.v === '||')) {
      const op = this.toks[this.i++]!.v;
      l = { k: 'bin', op, l, r: this.multiplicative() };
    }
    return l;
  }

  private multiplicative(): SqlExpr {
    let l = this.unary();
    while (this.cur.t === 'op' && (this.cur.v === '*' || this.cur.v === '/' || this.cur.v === '%')) {
      const op = this.toks[this.i++]!.v;
      l = { k: 'bin', op, l, r: this.unary() };
    }
    return l;
  }

  private unary(): SqlExpr {
    if (this.eatOp('-')) return { k: 'neg', e: this.unary() };
    if (this.eatOp('+')) return this.unary();
    return this.primary();
  }

  private primary(): SqlExpr {
    const t = this.cur;
    if (t.t === 'num') {
      this.i++;
      return { k: 'lit', v: Number(t.v) };
    }
    if (t.t === 'str') {
      this.i++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'param') {
      this.i++;
      return { k: 'param', pos: this.positional++ };
    }
    if (t.t === 'named') {
      this.i++;
      return { k: 'param', name: t.v };
    }
    if (this.eatOp('(')) {
      if (this.isKw('select')) throw this.err('subqueries are not supported in a query of queries');
      const e = this.expr();
      this.needOp(')');
      return e;
    }
    if (t.t === 'id') {
      const lower = t.v.toLowerCase();
      if (lower === 'null') {
        this.i++;
        return { k: 'lit', v: null };
      }
      if (lower === 'true' || lower === 'false') {
        this.i++;
        return { k: 'lit', v: lower === 'true' };
      }
      if (this.toks[this.i + 1]!.v === '(' && this.toks[this.i + 1]!.t === 'op') {
        this.i += 2;
        return this.call(lower);
      }
    }
    if (t.t === 'id' || t.t === 'qid') {
      const first = this.name('a column name');
      if (this.isOp('.')) {
        this.i++;
        return { k: 'col', table: first, name: this.name('a column name after [.]') };
      }
      return { k: 'col', name: first };
    }
    throw this.err(t.t === 'eof' ? 'unexpected end of the statement' : `unexpected [${t.v}]`);
  }

  private call(name: string): SqlExpr {
    const args: SqlExpr[] = [];
    let distinct = false;
    if (name === 'cast' || name === 'convert') throw this.err(`${name.toUpperCase()} is not supported in a query of queries`);
    if (!this.isOp(')')) {
      if (AGGREGATES.has(name) && this.eatKw('distinct')) distinct = true;
      if (name === 'count' && this.eatOp('*')) args.push({ k: 'star' });
      else {
        do args.push(this.expr());
        while (this.eatOp(','));
      }
    }
    this.needOp(')');
    return { k: 'fn', name, args, distinct };
  }
}

export function parseSelect(sql: string): SelectStmt {
  return new Parser(tokenize(sql), sql).parse();
}
