/**
 * File objects, as Lucee's: `fileOpen(path, mode, charset, seekable)` gives an open file that
 * fileReadLine, fileRead(obj, n), fileWrite/fileAppend/fileWriteLine(obj, data), fileSeek,
 * fileSkipBytes and fileIsEOF work on until fileClose. `fileWriteLine(path, text)` writes one line
 * (the text and the system line end) as the whole content of a file. A file object left open is
 * closed when the render ends. Paths are resolved as by the other file functions.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { FnContext, FunctionDef } from './types.js';
import { applicationError, expressionError } from '../errors.js';
import { typeName } from '../cast.js';
import { io } from '../file-ops.js';
import { FileObject, onFile, type FileMode } from '../file-stream.js';
import { encodeString, normalizeCharset } from './charset.js';
import { resolvePath } from './files.js';

const MODES: Record<string, FileMode> = { read: 'read', readbinary: 'readBinary', write: 'write', append: 'append', readwrite: 'readWrite' };

/** The file object argument of fileClose, fileReadLine...: anything else is an error naming the function. */
export function fileObjectArg(fn: string, v: unknown): FileObject {
  if (v instanceof FileObject) return v;
  throw expressionError(`invalid argument [fileObj] for function [${fn}]: invalid type [${typeName(v)}], only a file object produced by fileOpen is supported`);
}

/**
 * Opens a file object (fileOpen).
 * @throws Application error when a file to read does not exist; Expression error for a bad mode.
 */
export function openFile(ctx: FnContext, path: unknown, mode: string, charset: string | undefined, seekable: boolean): FileObject {
  const m = MODES[mode.trim().toLowerCase()];
  if (!m) throw expressionError(`invalid argument [mode] for function [fileOpen]: invalid value [${mode}], valid values for argument mode are [read,readBinary,append,write,readwrite]`);
  const p = resolvePath(ctx, path);
  const cs = normalizeCharset(charset?.trim() ? charset : undefined);
  if (m === 'read' || m === 'readBinary') {
    const st = io('fileOpen', p, () => fs.statSync(p));
    if (st.isDirectory()) throw applicationError(`fileOpen: [${p}] is a directory`);
  }
  try {
    new TextDecoder(cs === 'utf-16' ? 'utf-16be' : cs);
  } catch {
    throw expressionError(`invalid argument [charset] for function [fileOpen]: unknown charset [${charset}]`);
  }
  const f = new FileObject(p, m, cs === 'utf-16' ? 'utf-16be' : cs, seekable, (s) => encodeString(s, cs, 'fileOpen'));
  ctx.ctx?.onEnd(() => f.close());
  return f;
}


export const fileStreamFunctions: FunctionDef[] = [
  {
    name: 'fileOpen',
    params: [
      { name: 'file', type: 'any', required: true },
      { name: 'mode', type: 'string', default: 'read' },
      { name: 'charset', type: 'string' },
      { name: 'seekable', type: 'boolean', default: false },
    ],
    impl: (ctx, file: unknown, mode: string, charset: string | undefined, seekable: boolean) => openFile(ctx, file, mode, charset, seekable),
  },
  {
    name: 'fileClose',
    params: [{ name: 'file', type: 'any', required: true }],
    impl: (_c, f: unknown) => {
      const fo = fileObjectArg('fileClose', f);
      onFile('fileClose', fo, () => fo.close());
      return null;
    },
  },
  {
    name: 'fileReadLine',
    params: [{ name: 'file', type: 'any', required: true }],
    impl: (_c, f: unknown) => {
      const fo = fileObjectArg('fileReadLine', f);
      return onFile('fileReadLine', fo, () => fo.readLine());
    },
  },
  {
    name: 'fileIsEOF',
    params: [{ name: 'file', type: 'any', required: true }],
    impl: (_c, f: unknown) => {
      const fo = fileObjectArg('fileIsEOF', f);
      return onFile('fileIsEOF', fo, () => fo.isEndOfFile());
    },
  },
  {
    name: 'fileSeek',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'position', type: 'numeric', required: true }],
    impl: (_c, f: unknown, pos: number) => {
      fileObjectArg('fileSeek', f).seek(pos);
      return null;
    },
  },
  {
    name: 'fileSkipBytes',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'length', type: 'numeric', required: true }],
    impl: (_c, f: unknown, n: number) => {
      const fo = fileObjectArg('fileSkipBytes', f);
      onFile('fileSkipBytes', fo, () => fo.skip(n));
      return null;
    },
  },
  {
    // Lucee: the text and the system's line separator; a path is written as a new content
    name: 'fileWriteLine',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'text', type: 'string', required: true }],
    impl: (ctx, f: unknown, text: string) => {
      const fo = f instanceof FileObject ? f : openFile(ctx, f, 'write', undefined, false);
      try {
        onFile('fileWriteLine', fo, () => fo.write(text + os.EOL));
      } finally {
        if (fo !== f) onFile('fileWriteLine', fo, () => fo.close());
      }
      return null;
    },
  },
];
