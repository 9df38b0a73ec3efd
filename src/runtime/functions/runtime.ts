import type { FunctionDef } from './types.js';
import { ErrorCode, expressionError } from '../errors.js';
import { customError } from '../exceptions.js';
import { ComponentInstance } from '../components/instance.js';
import { classMetadata, functionMetadata } from '../components/metadata.js';
import { UDF } from '../udf.js';
import { simple, toStr, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { structTypeInfo } from '../struct-meta.js';
import { Query } from '../query.js';
import { CfFunction } from '../function-value.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '/': '&#x2f;' };

/** writeOutput's encodeFor argument: the common encoders. */
function encodeFor(s: string, how: string): string {
  switch (how.trim().toLowerCase()) {
    case '':
      return s;
    case 'html':
    case 'xml':
      return s.replace(/[&<>"']/g, (c) => HTML[c]!);
    case 'htmlattribute':
    case 'xmlattribute':
      return s.replace(/[^A-Za-z0-9,.\-_]/g, (c) => (c in HTML ? HTML[c]! : `&#x${c.codePointAt(0)!.toString(16)};`));
    case 'url':
      return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+');
    case 'javascript':
      return s.replace(/[^A-Za-z0-9,._ ]/g, (c) => {
        const code = c.charCodeAt(0);
        return code < 256 ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
      });
    case 'css':
      return s.replace(/[^A-Za-z0-9]/g, (c) => '\\' + c.codePointAt(0)!.toString(16).toUpperCase() + ' ');
  }
  throw expressionError(`invalid encodeFor value [${how}] for function [writeOutput], valid values are [html, htmlattribute, javascript, css, xml, xmlattribute, url]`);
}

const JAVA_CLASS: Record<string, string> = {
  String: 'java.lang.String',
  Number: 'java.lang.Double',
  Boolean: 'java.lang.Boolean',
  Date: 'lucee.runtime.type.dt.DateTimeImpl',
  Array: 'lucee.runtime.type.ArrayImpl',
  Struct: 'lucee.runtime.type.StructImpl',
  Binary: '[B',
};

function metadata(v: unknown): unknown {
  v = simple(v);
  if (v instanceof ComponentInstance) return classMetadata(v.cls);
  if (v instanceof UDF && v.owner) return functionMetadata(v);
  if (v instanceof CfFunction) {
    const s = new Struct();
    s.set('name', v.name);
    s.set('closure', v.isClosure);
    s.set('access', 'public');
    s.set('returntype', 'any');
    s.set(
      'parameters',
      v.paramNames.map((n) => Struct.from({ name: n, required: false, type: 'any' })),
    );
    return s;
  }
  if (v instanceof Struct) return Struct.from(structTypeInfo(v));
  if (v instanceof Query) {
    return v.columns.map((c) => Struct.from({ name: c, isCaseSensitive: false, typeName: sqlTypeName((v as Query).types.get(c.toLowerCase())) }));
  }
  const t = typeName(v);
  return Struct.from({ name: JAVA_CLASS[t] ?? t, type: t });
}

function sleepMs(ms: number): void {
  if (!(ms > 0)) return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(cell, 0, 0, ms);
}

const writeDumpDef: FunctionDef = {
  name: 'writeDump',
  params: [
    { name: 'var', type: 'any', required: true },
    { name: 'output', type: 'string' },
    { name: 'format', type: 'string' },
    { name: 'abort', type: 'boolean', default: false },
    { name: 'label', type: 'string' },
    { name: 'metainfo', type: 'boolean' },
    { name: 'top', type: 'numeric' },
    { name: 'show', type: 'string' },
    { name: 'hide', type: 'string' },
    { name: 'keys', type: 'numeric' },
    { name: 'expand', type: 'boolean' },
    { name: 'showUDFs', type: 'boolean' },
  ],
  impl: (ctx, v: unknown, _output?: string, _format?: string, _abort?: boolean, label?: string, _meta?: boolean, top?: number) => {
    const opts: { label?: string; top?: number } = {};
    if (label !== undefined && label !== '') opts.label = label;
    if (top !== undefined) opts.top = top;
    ctx.dump(v, opts);
    return null;
  },
};

/** Other names of SQL types, to the JDBC name a query column's metadata reports (Lucee's SQLCaster). */
const SQL_TYPE_ALIASES: Record<string, string> = {
  INT: 'INTEGER', BOOL: 'BOOLEAN', STRING: 'VARCHAR', TEXT: 'VARCHAR', DATETIME: 'TIMESTAMP', NUMBER: 'NUMERIC', MONEY: 'DOUBLE', MONEY4: 'DOUBLE',
};

/** A column type as written in queryNew ("int", "cf_sql_varchar") to its metadata typeName ("INTEGER", "VARCHAR"); no type is OBJECT. */
function sqlTypeName(type: string | undefined): string {
  if (!type || !type.trim()) return 'OBJECT';
  const t = type.trim().toUpperCase().replace(/^(CF_)?SQL_/, '');
  return SQL_TYPE_ALIASES[t] ?? t;
}

export const runtimeFunctions: FunctionDef[] = [
  {
    // Lucee's Render: compiles the string as a template and runs it with the caller's scopes; the
    // output goes to the page (or the enclosing savecontent) and the function returns "".
    name: 'render',
    params: [{ name: 'cfml', type: 'string', required: true }],
    impl: (ctx, cfml: string) => {
      if (!ctx.renderSource) throw expressionError('render() needs a page context');
      ctx.renderSource(cfml);
      return '';
    },
  },
  // Lucee lists the component cache (path -> component info); there are no components here, so it is empty.
  { name: 'componentCacheList', params: [], impl: () => new Struct() },
  {
    name: 'writeOutput',
    params: [{ name: 'string', type: 'string', required: true }, { name: 'encodeFor', type: 'string' }],
    impl: (ctx, s: string, enc?: string) => {
      ctx.write(enc ? encodeFor(s, enc) : s);
      return true;
    },
  },
  writeDumpDef,
  // dump() is Lucee's alias of writeDump()
  { ...writeDumpDef, name: 'dump', members: undefined },
  {
    name: 'writeLog',
    params: [
      { name: 'text', type: 'string', required: true },
      { name: 'type', type: 'string', default: 'information' },
      { name: 'application', type: 'boolean', default: true },
      { name: 'file', type: 'string' },
      { name: 'log', type: 'string' },
    ],
    impl: (ctx, text: string, type: string, _app: boolean, file?: string, log?: string) => {
      const t = type.toLowerCase();
      if (!['information', 'info', 'warning', 'warn', 'error', 'fatal', 'debug', 'trace'].includes(t)) {
        throw expressionError(`invalid log type [${type}] for function [writeLog], valid values are [information, warning, error, fatal, debug]`);
      }
      const opts: { type?: string; file?: string } = { type: t };
      if (file || log) opts.file = file || log;
      ctx.log(text, opts);
      return null;
    },
  },
  {
    name: 'throw',
    params: [
      { name: 'message', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'detail', type: 'string' },
      { name: 'errorcode', type: 'string' },
      { name: 'extendedinfo', type: 'any' },
      { name: 'object', type: 'any' },
    ],
    impl: (ctx, message?: string, type?: string, detail?: string, errorCode?: string, extendedInfo?: unknown, object?: unknown) => {
      throw customError({ message, type, detail, errorCode, extendedInfo, object }, ctx.loc);
    },
  },
  {
    name: 'evaluate',
    params: [{ name: 'expression', type: 'any', required: true }],
    variadic: true,
    impl: (ctx, ...exprs: unknown[]) => {
      let result: unknown = undefined;
      for (const e of exprs) {
        const v = simple(e);
        // numbers and booleans evaluate to themselves
        result = typeof v === 'number' || typeof v === 'boolean' ? v : ctx.evaluate(toStr(v));
      }
      return result;
    },
  },
  {
    name: 'iif',
    params: [
      { name: 'condition', type: 'boolean', required: true },
      { name: 'expression1', type: 'string', required: true },
      { name: 'expression2', type: 'string', required: true },
    ],
    impl: (ctx, cond: boolean, a: string, b: string) => {
      const e = cond ? a : b;
      return e === '' ? '' : ctx.evaluate(e);
    },
  },
  {
    name: 'de',
    params: [{ name: 'String', type: 'string', required: true }],
    impl: (_ctx, s: string) => `"${s.replace(/"/g, '""')}"`,
  },
  {
    name: 'setVariable',
    params: [{ name: 'name', type: 'string', required: true }, { name: 'value', type: 'any', required: true }],
    impl: (ctx, name: string, value: unknown) => {
      if (name.trim() === '') throw expressionError('invalid argument [name] for function [setVariable]: the variable name must not be empty');
      ctx.setVariable(name.trim(), value);
      return value;
    },
  },
  {
    name: 'getVariable',
    params: [{ name: 'name', type: 'string', required: true }],
    impl: (ctx, name: string) => {
      const v = ctx.getVariable(name.trim());
      if (v === undefined) throw expressionError(`variable [${name}] doesn't exist`);
      return v;
    },
  },
  {
    name: 'sleep',
    params: [{ name: 'duration', type: 'numeric', required: true }],
    impl: (ctx, ms: number) => {
      if (ms < 0) throw expressionError(`invalid argument [duration] for function [sleep]: the duration [${ms}] must not be negative`);
      // a sleep past the render's time limit wakes at the deadline and ends the render
      const left = ctx.timeLeft();
      if (ms > left) {
        sleepMs(left);
        throw ctx.timeoutError();
      }
      sleepMs(ms);
      return null;
    },
  },
  {
    name: 'createObject',
    params: [
      { name: 'type', type: 'string', required: true },
      { name: 'className', type: 'any' },
      { name: 'context', type: 'any' },
      { name: 'delimiterOrVersion', type: 'any' },
    ],
    impl: (ctx, type: string, className?: unknown) => {
      const t = type.trim().toLowerCase();
      // createObject("path.to.Component") with one argument means a component
      const name = className === undefined ? type : toStr(simple(className));
      const known = ['component', 'java', 'com', 'corba', 'webservice', '.net', 'dotnet'];
      if (className === undefined && known.includes(t)) {
        throw expressionError(`the parameter [className] to function [createObject] is required for the type [${type}]`);
      }
      if (t === 'component' || className === undefined) {
        if (!ctx.createComponent) throw expressionError(`can't create component [${name}] here`, { code: ErrorCode.Component });
        return ctx.createComponent(name);
      }
      if (t === 'java') {
        throw expressionError(`can't create Java object [${name}]: Java objects are not available in this engine`, {
          code: ErrorCode.JavaObject,
          detail: 'createObject("java", ...) needs a JVM; use the built-in functions instead',
        });
      }
      throw expressionError(`createObject type [${type}] is not supported`, { code: ErrorCode.ObjectType, detail: 'supported types are [component, java] (both limited)' });
    },
  },
  {
    name: 'getMetadata',
    params: [{ name: 'object', type: 'any', required: true }],
    members: [{ type: 'struct', name: 'getMetadata' }],
    impl: (_ctx, v: unknown) => metadata(v),
  },
  {
    name: 'getComponentMetadata',
    params: [{ name: 'path', type: 'any', required: true }],
    impl: (ctx, p: unknown) => {
      const v = simple(p);
      if (v instanceof ComponentInstance) return classMetadata(v.cls);
      if (!ctx.componentMetadata) throw expressionError('getComponentMetadata() is not available here');
      return ctx.componentMetadata(toStr(v));
    },
  },
];
