import { applicationError, expressionError } from './errors.js';
import { checkCount, MAX_ARRAY_LENGTH, MAX_QUERY_CELLS } from './limits.js';

/**
 * CFML query: named columns of equal length. Rows are 1-based. `currentRow` is the row a bare
 * `q.col` reads; query loops move it and put it back afterwards.
 */
export class Query {
  readonly columns: string[] = [];
  private readonly data = new Map<string, unknown[]>();
  /** Declared column types (queryNew's second argument), lower-case column name -> type. */
  readonly types = new Map<string, string>();
  recordCount = 0;
  currentRow = 1;

  constructor(columns: string[] = [], types: string[] = []) {
    columns.forEach((c, i) => this.addColumn(c, [], types[i]));
  }

  /** Builds a query from row objects (the JS mapping for embedding). */
  static fromRows(rows: Record<string, unknown>[], columns?: string[]): Query {
    const cols = columns ?? (rows.length ? Object.keys(rows[0]!) : []);
    const q = new Query(cols);
    for (const r of rows) {
      const n = q.addRows(1);
      for (const c of cols) q.setCell(c, r[c] ?? '', n);
    }
    return q;
  }

  get columnList(): string {
    return this.columns.join(',');
  }

  hasColumn(name: string): boolean {
    return this.data.has(name.toLowerCase());
  }

  hasColumnLower(lower: string): boolean {
    return this.data.has(lower);
  }

  addColumn(name: string, values: unknown[] = [], type?: string): void {
    const lower = name.toLowerCase();
    if (this.data.has(lower)) throw applicationError(`column [${name}] already exists`);
    checkCount('queryAddColumn', 'column', this.recordCount * (this.columns.length + 1), MAX_QUERY_CELLS, 'cells');
    const col = new Array<unknown>(this.recordCount).fill('');
    for (let i = 0; i < values.length; i++) col[i] = values[i];
    if (values.length > this.recordCount) {
      for (const other of this.data.values()) while (other.length < values.length) other.push('');
      this.recordCount = values.length;
    }
    this.columns.push(name);
    this.data.set(lower, col);
    if (type) this.types.set(lower, type.toLowerCase());
  }

  /** Removes a column and returns its values (queryDeleteColumn). */
  removeColumn(name: string): unknown[] {
    const lower = name.toLowerCase();
    const col = this.data.get(lower);
    if (!col) throw this.noColumn(name);
    this.data.delete(lower);
    this.types.delete(lower);
    this.columns.splice(this.columns.findIndex((c) => c.toLowerCase() === lower), 1);
    return col;
  }

  /**
   * Gives a column a new name, keeping its place, values and declared type (queryRenameColumn).
   * @throws Expression error when the column does not exist, Application error when the new name is taken by another column.
   */
  renameColumn(name: string, newName: string): void {
    const lower = name.toLowerCase();
    const col = this.data.get(lower);
    if (!col) throw this.noColumn(name);
    const newLower = newName.toLowerCase();
    if (newLower !== lower && this.data.has(newLower)) throw applicationError(`column [${newName}] already exists`);
    const type = this.types.get(lower);
    this.data.delete(lower);
    this.types.delete(lower);
    this.data.set(newLower, col);
    if (type) this.types.set(newLower, type);
    this.columns[this.columns.findIndex((c) => c.toLowerCase() === lower)] = newName;
  }

  /**
   * Appends n empty rows and returns the new recordCount.
   * @throws Expression error when the query would pass MAX_ARRAY_LENGTH rows or MAX_QUERY_CELLS cells.
   */
  addRows(n = 1, fn = 'queryAddRow'): number {
    const rows = this.recordCount + n;
    checkCount(fn, 'number', rows, Math.min(MAX_ARRAY_LENGTH, Math.floor(MAX_QUERY_CELLS / Math.max(1, this.columns.length))), 'rows');
    for (const col of this.data.values()) for (let i = 0; i < n; i++) col.push('');
    this.recordCount += n;
    return this.recordCount;
  }

  /**
   * Inserts n empty rows before row `at` (1-based; recordCount + 1 appends) and returns `at`.
   * @throws Expression error for a position outside 1..recordCount + 1, or past the row limits.
   */
  insertRows(at: number, n: number, fn = 'queryInsertAt'): number {
    if (!Number.isInteger(at) || at < 1 || at > this.recordCount + 1) {
      throw expressionError(`invalid position [${at}] for function [${fn}], the query has ${this.recordCount} rows (valid positions are 1 to ${this.recordCount + 1})`);
    }
    checkCount(fn, 'number', this.recordCount + n, Math.min(MAX_ARRAY_LENGTH, Math.floor(MAX_QUERY_CELLS / Math.max(1, this.columns.length))), 'rows');
    // no spread of n values into splice: a large n would overflow the call stack
    for (const col of this.data.values()) {
      const tail = col.splice(at - 1);
      for (let i = 0; i < n; i++) col.push('');
      for (const v of tail) col.push(v);
    }
    this.recordCount += n;
    return at;
  }

  deleteRow(row: number): void {
    this.checkRow(row);
    for (const col of this.data.values()) col.splice(row - 1, 1);
    this.recordCount--;
  }

  column(name: string): unknown[] {
    const col = this.data.get(name.toLowerCase());
    if (!col) throw this.noColumn(name);
    return col;
  }

  columnLower(lower: string): unknown[] | undefined {
    return this.data.get(lower);
  }

  getCell(name: string, row = this.currentRow): unknown {
    const col = this.column(name);
    this.checkRow(row);
    return col[row - 1];
  }

  setCell(name: string, value: unknown, row = this.recordCount): void {
    const col = this.column(name);
    this.checkRow(row);
    col[row - 1] = value;
  }

  /** Row n as a struct-like plain object keyed by the column names. */
  row(n: number): Record<string, unknown> {
    this.checkRow(n);
    const o: Record<string, unknown> = {};
    for (const c of this.columns) o[c] = this.data.get(c.toLowerCase())![n - 1];
    return o;
  }

  toRows(): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (let i = 1; i <= this.recordCount; i++) out.push(this.row(i));
    return out;
  }

  private checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 1 || row > this.recordCount) {
      throw expressionError(`row [${row}] doesn't exist in query, the query has ${this.recordCount} rows`);
    }
  }

  private noColumn(name: string) {
    return expressionError(`column [${name}] doesn't exist in query`, {
      detail: `available columns are [${this.columnList}]`,
    });
  }
}

/**
 * What `q.col` yields when the caller may still index it (`q.col[2]`) or hand it to a function
 * that wants the whole column (`valueList(q.col)`); in every simple-value context it reads as the
 * value at the query's current row.
 */
export class QueryColumnRef {
  constructor(
    readonly query: Query,
    readonly name: string,
  ) {}

  current(): unknown {
    const q = this.query;
    if (q.recordCount === 0) return '';
    return q.getCell(this.name, q.currentRow);
  }

  values(): unknown[] {
    return this.query.column(this.name).slice();
  }
}
