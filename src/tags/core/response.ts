import * as fs from 'node:fs';
import * as path from 'node:path';
import { defineTag, Signal } from '../types.js';
import { AbortPage } from '../../runtime/context.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';

/** cflocation: records a redirect and ends the page (the CLI prints where it would go). */
export const locationTag = defineTag({
  name: 'location',
  attrs: [{ name: 'url', required: true }, { name: 'addtoken' }, { name: 'statuscode' }],
  run(call) {
    call.ctx.checkNotFlushed('cflocation', call.node.loc);
    const r = call.ctx.response;
    r.location = toStr(call.attrs.url);
    r.status = call.attrs.statuscode !== undefined ? toNum(call.attrs.statuscode) : 302;
    r.headers['Location'] = r.location;
    throw new AbortPage(call.node.loc);
  },
});

/** cfheader: a response header, or the status code. */
export const headerTag = defineTag({
  name: 'header',
  attrs: [{ name: 'name' }, { name: 'value' }, { name: 'statuscode' }, { name: 'statustext' }, { name: 'charset' }],
  run(call) {
    call.ctx.checkNotFlushed('cfheader', call.node.loc);
    const r = call.ctx.response;
    if (call.attrs.statuscode !== undefined) {
      r.status = toNum(call.attrs.statuscode);
      if (call.attrs.statustext !== undefined) r.statusText = toStr(call.attrs.statustext);
    }
    if (call.attrs.name !== undefined) r.headers[toStr(call.attrs.name)] = call.attrs.value === undefined ? '' : toStr(call.attrs.value);
    return Signal.Normal;
  },
});

/**
 * cfcontent: the content type; reset drops what was printed so far; `variable` sends a value
 * (binary as bytes) and `file` a file as the whole response (deletefile removes it afterwards).
 */
export const contentTag = defineTag({
  name: 'content',
  attrs: [{ name: 'type' }, { name: 'reset' }, { name: 'file' }, { name: 'variable' }, { name: 'deletefile' }],
  run(call) {
    if (call.attrs.type !== undefined || call.attrs.file !== undefined || call.attrs.variable !== undefined) call.ctx.checkNotFlushed('cfcontent', call.node.loc);
    const r = call.ctx.response;
    if (call.attrs.type !== undefined) {
      r.contentType = toStr(call.attrs.type);
      r.headers['Content-Type'] = r.contentType;
    }
    if (call.attrs.reset !== undefined && toBool(call.attrs.reset)) call.ctx.out = '';
    if (call.attrs.variable !== undefined) {
      const v = call.attrs.variable;
      call.ctx.out = '';
      if (v instanceof Uint8Array) r.body = v;
      else call.write(toStr(v));
      throw new AbortPage(call.node.loc);
    }
    if (call.attrs.file !== undefined) {
      const file = path.resolve(call.ctx.template.dir, toStr(call.attrs.file));
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw call.error(`file [${toStr(call.attrs.file)}] does not exist`, { detail: `cfcontent file= is resolved from the directory of ${call.ctx.template.file}` });
      call.ctx.out = '';
      r.file = { path: file, deleteAfter: call.attrs.deletefile !== undefined && toBool(call.attrs.deletefile) };
      throw new AbortPage(call.node.loc);
    }
    return Signal.Normal;
  },
});

/**
 * cfflush: sends the output so far to the client (with the status, headers and cookies the first
 * time); `interval="n"` flushes again whenever n more characters are buffered. Afterwards
 * cfheader, cflocation, cfcookie and cfcontent's type/file/variable are errors, as in Lucee.
 * In the CLI the output is printed at the end anyway: it does nothing there.
 */
export const flushTag = defineTag({
  name: 'flush',
  attrs: [{ name: 'interval', type: 'number' }],
  run(call) {
    if (call.attrs.interval !== undefined) {
      const n = call.attrs.interval as number;
      if (!Number.isInteger(n) || n < 1) throw call.error(`invalid interval [${n}] for cfflush: a positive whole number of bytes`);
      call.ctx.flushInterval = n;
    }
    call.ctx.flush();
    return Signal.Normal;
  },
});

/** cflog: one line to the engine's log (stderr by default). */
export const logTag = defineTag({
  name: 'log',
  attrs: [{ name: 'text', required: true }, { name: 'type' }, { name: 'file' }, { name: 'log' }, { name: 'application' }],
  run(call) {
    call.ctx.engine.log(toStr(call.attrs.text), {
      type: call.attrs.type === undefined ? 'information' : toStr(call.attrs.type),
      file: call.attrs.file === undefined ? undefined : toStr(call.attrs.file),
    });
    return Signal.Normal;
  },
});

/** cfdump: a readable text table in the CLI, an HTML table in web pages. */
export const dumpTag = defineTag({
  name: 'dump',
  attrs: [{ name: 'var' }, { name: 'label' }, { name: 'top' }, { name: 'format' }, { name: 'expand' }, { name: 'abort' }, { name: 'output' }, { name: 'metainfo' }, { name: 'keys' }, { name: 'show' }, { name: 'hide' }],
  run(call) {
    const a = call.attrs;
    call.write(call.ctx.engine.dump(call.ctx, a.var, {
      label: a.label === undefined ? undefined : toStr(a.label),
      top: a.top === undefined ? undefined : toNum(a.top),
      format: a.format === undefined ? undefined : toStr(a.format),
    }));
    if (a.abort !== undefined && toBool(a.abort)) throw new AbortPage(call.node.loc);
    return Signal.Normal;
  },
});
