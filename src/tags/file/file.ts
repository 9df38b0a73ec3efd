/**
 * `<cffile>`: read, readBinary, write, append, copy, move, rename, delete, info, touch, upload and
 * uploadAll (Lucee's File tag). Paths are relative to the calling template; errors name the path.
 * The file functions (fileRead, fileWrite...) share their helpers in runtime/file-ops.ts.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { defineTag, Signal, type TagCall } from '../types.js';
import { applicationError } from '../../runtime/errors.js';
import { dataToWrite, fileInfo, io, moveFile, normalizeCharset, statOrNull } from '../../runtime/file-ops.js';
import { simple, toStr } from '../../runtime/cast.js';
import { bool, str } from '../attr-values.js';
import { uploadFiles } from './upload.js';
import { applyMode, nameConflictOf, tagPath, type NameConflict } from './options.js';

export const FILE_ACTIONS = ['read', 'readbinary', 'write', 'append', 'copy', 'move', 'rename', 'delete', 'info', 'touch', 'upload', 'uploadall'] as const;
type FileAction = (typeof FILE_ACTIONS)[number];


function required(call: TagCall, attr: string, action: string): string {
  const v = str(call.attrs[attr]);
  if (v === undefined || v === '') throw call.error(`Attribute [${attr}] is required for tag [cffile] if attribute action has the value [${action}]`);
  return v;
}

/** `attributes="readOnly"` clears the write bits, "normal" sets the owner's again; Windows-only attributes are accepted and ignored. */
function applyAttributes(call: TagCall, file: string): void {
  const list = (str(call.attrs.attributes) ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length) return;
  const st = io('cffile', file, () => fs.statSync(file));
  if (list.includes('readonly')) fs.chmodSync(file, st.mode & ~0o222);
  else if (list.includes('normal')) fs.chmodSync(file, st.mode | 0o200);
}

/** file1.txt, file2.txt...: the first name in dir that is not taken. */
export function uniqueName(dir: string, name: string): string {
  const ext = nodePath.extname(name);
  const base = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; ; n++) {
    const candidate = `${base}${n}${ext}`;
    if (!fs.existsSync(nodePath.join(dir, candidate))) return candidate;
  }
}

/** The target of copy/move: into a directory keeps the source's name. Undefined = skip. */
function target(call: TagCall, src: string, dest: string, conflict: NameConflict, action: string): string | undefined {
  let dst = dest;
  if (statOrNull(dst)?.isDirectory()) dst = nodePath.join(dst, nodePath.basename(src));
  if (!fs.existsSync(dst)) return dst;
  switch (conflict) {
    case 'error':
      throw applicationError(`cffile action [${action}]: the destination file [${dst}] already exists`, { detail: 'use nameConflict="overwrite|makeunique|skip"' });
    case 'skip':
      return undefined;
    case 'makeunique':
      return nodePath.join(nodePath.dirname(dst), uniqueName(nodePath.dirname(dst), nodePath.basename(dst)));
    default:
      return dst;
  }
}

/** The text of write/append: addNewLine (default true) appends a line feed; binary data is written as is. */
function textToWrite(call: TagCall, output: unknown): Buffer | string {
  const data = simple(output);
  if (data instanceof Uint8Array) return dataToWrite(data);
  let text = toStr(data);
  if (bool(call.attrs.fixnewline)) text = text.replace(/\r\n?/g, '\n');
  if (bool(call.attrs.addnewline) ?? true) text += '\n';
  return dataToWrite(text, str(call.attrs.charset));
}

async function outputOf(call: TagCall, action: string): Promise<unknown> {
  if (call.given.has('output')) return call.attrs.output;
  if (call.node.body?.length) return await call.capture();
  throw call.error(`Attribute [output] is required for tag [cffile] if attribute action has the value [${action}]`);
}

function runAction(call: TagCall, action: FileAction, output: unknown): void {
  switch (action) {
    case 'read': {
      const file = tagPath(call, required(call, 'file', action));
      const variable = required(call, 'variable', action);
      const enc = normalizeCharset(str(call.attrs.charset));
      call.setVariable(variable, io('cffile action [read]', file, () => fs.readFileSync(file, enc)));
      return;
    }
    case 'readbinary': {
      const file = tagPath(call, required(call, 'file', action));
      const variable = required(call, 'variable', action);
      call.setVariable(variable, io('cffile action [readBinary]', file, () => fs.readFileSync(file)));
      return;
    }
    case 'write':
    case 'append': {
      const file = tagPath(call, required(call, 'file', action));
      const data = textToWrite(call, output);
      if (action === 'write') {
        const conflict = nameConflictOf(call, 'overwrite');
        if (conflict !== 'overwrite' && fs.existsSync(file)) {
          if (conflict === 'skip') return;
          if (conflict === 'error') throw applicationError(`cffile action [write]: the file [${file}] already exists`);
        }
      }
      io(`cffile action [${action}]`, file, () => (action === 'write' ? fs.writeFileSync(file, data) : fs.appendFileSync(file, data)));
      applyMode(call, file);
      applyAttributes(call, file);
      return;
    }
    case 'copy':
    case 'move':
    case 'rename': {
      const src = tagPath(call, required(call, 'source', action));
      const dest = tagPath(call, required(call, 'destination', action));
      const st = io(`cffile action [${action}]`, src, () => fs.statSync(src));
      if (!st.isFile()) throw applicationError(`cffile action [${action}]: the source [${src}] is not a file`);
      const dst = target(call, src, dest, nameConflictOf(call, 'overwrite'), action);
      if (!dst) return;
      io(`cffile action [${action}]`, dst, () => (action === 'copy' ? fs.copyFileSync(src, dst) : moveFile(src, dst)));
      applyMode(call, dst);
      applyAttributes(call, dst);
      return;
    }
    case 'delete': {
      const file = tagPath(call, required(call, 'file', action));
      io('cffile action [delete]', file, () => {
        if (fs.statSync(file).isDirectory()) throw applicationError(`cffile action [delete]: [${file}] is a directory, use <cfdirectory action="delete">`);
        fs.unlinkSync(file);
      });
      return;
    }
    case 'info': {
      const file = tagPath(call, required(call, 'file', action));
      call.setVariable(required(call, 'variable', action), fileInfo(file));
      return;
    }
    case 'touch': {
      const file = tagPath(call, required(call, 'file', action));
      io('cffile action [touch]', file, () => {
        const now = new Date();
        if (fs.existsSync(file)) fs.utimesSync(file, now, now);
        else fs.writeFileSync(file, '', { flag: 'wx' });
      });
      return;
    }
    default:
      return;
  }
}

export const fileTag = defineTag({
  name: 'file',
  body: 'optional',
  attrs: [
    { name: 'action', required: true, values: FILE_ACTIONS },
    { name: 'file' }, { name: 'variable' }, { name: 'output' }, { name: 'charset' }, { name: 'addnewline' }, { name: 'fixnewline' },
    { name: 'source' }, { name: 'destination' }, { name: 'mode' }, { name: 'attributes' }, { name: 'nameconflict' },
    { name: 'filefield' }, { name: 'accept' }, { name: 'result' }, { name: 'strict' }, { name: 'createpath' },
    { name: 'allowedextensions' }, { name: 'blockedextensions' }, { name: 'cachedwithin' }, { name: 'serverpassword' }, { name: 'storeacl' },
  ],
  async run(call) {
    const action = toStr(call.attrs.action).toLowerCase() as FileAction;
    if (action === 'upload' || action === 'uploadall') {
      await uploadFiles(call, action === 'uploadall');
      return Signal.Normal;
    }
    const output = action === 'write' || action === 'append' ? await outputOf(call, action) : undefined;
    runAction(call, action, output);
    return Signal.Normal;
  },
});
