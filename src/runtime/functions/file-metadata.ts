/**
 * File metadata functions, as Lucee's: fileTouch (creates an empty file or sets its modification
 * time to now, creating missing parent directories unless createPath is false), fileInfo (the
 * struct of `<cffile action="info">` in Lucee's FileTag.getInfo: name, path, size, type, read,
 * write, execute, dateLastModified, fileCreated, attributes, mode, checksum), fileSetLastModified
 * and fileSetAccessMode (Unix permissions as three octal digits). Paths resolve as the other file
 * functions' paths do.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { createHash } from 'node:crypto';
import type { FunctionDef } from './types.js';
import { applicationError, expressionError } from '../errors.js';
import { io, statOrNull } from '../file-ops.js';
import { Struct } from '../struct.js';
import { resolvePath } from './files.js';

/** Whether the process may access `p` as `mode` (fs.constants.R_OK...). */
function can(p: string, mode: number): boolean {
  try {
    fs.accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lucee's file info struct for an existing file or directory.
 * @throws Application error naming fileInfo when `p` does not exist.
 */
export function fileInfoStruct(p: string): Struct {
  const st = io('fileInfo', p, () => fs.statSync(p));
  const s = new Struct();
  s.set('path', p);
  s.set('name', nodePath.basename(p));
  s.set('size', st.isDirectory() ? 0 : st.size);
  s.set('type', st.isDirectory() ? 'Dir' : 'File');
  s.set('execute', can(p, fs.constants.X_OK));
  s.set('read', can(p, fs.constants.R_OK));
  s.set('write', can(p, fs.constants.W_OK));
  s.set('fileCreated', new Date(Math.floor(st.birthtimeMs || st.ctimeMs)));
  s.set('dateLastModified', new Date(Math.floor(st.mtimeMs)));
  s.set('attributes', '');
  s.set('mode', (st.mode & 0o777).toString(8));
  if (st.isFile()) s.set('checksum', io('fileInfo', p, () => createHash('md5').update(fs.readFileSync(p)).digest('hex')));
  return s;
}

export const fileMetadataFunctions: FunctionDef[] = [
  {
    name: 'fileTouch',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'createPath', type: 'boolean', default: true }],
    impl: (ctx, file: unknown, createPath: boolean) => {
      const p = resolvePath(ctx, file);
      const parent = nodePath.dirname(p);
      if (!statOrNull(parent)) {
        if (!createPath) throw applicationError(`fileTouch: the directory [${parent}] does not exist`, { detail: 'pass createPath=true to create it' });
        io('fileTouch', parent, () => fs.mkdirSync(parent, { recursive: true }));
      }
      io('fileTouch', p, () => {
        if (statOrNull(p)) {
          const now = new Date();
          fs.utimesSync(p, now, now);
        } else fs.writeFileSync(p, '', { flag: 'wx' });
      });
      return null;
    },
  },
  {
    name: 'fileInfo',
    params: [{ name: 'file', type: 'any', required: true }],
    impl: (ctx, file: unknown) => fileInfoStruct(resolvePath(ctx, file)),
  },
  {
    name: 'fileSetLastModified',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'date', type: 'date', required: true }],
    impl: (ctx, file: unknown, date: Date) => {
      const p = resolvePath(ctx, file);
      if (!statOrNull(p)?.isFile()) throw applicationError(`fileSetLastModified: the file [${p}] does not exist`);
      io('fileSetLastModified', p, () => fs.utimesSync(p, fs.statSync(p).atime, date));
      return null;
    },
  },
  {
    name: 'fileSetAccessMode',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'mode', type: 'string', required: true }],
    impl: (ctx, file: unknown, mode: string) => {
      const p = resolvePath(ctx, file);
      const m = mode.trim();
      if (!/^[0-7]{3,4}$/.test(m)) throw expressionError(`invalid argument [mode] for function [fileSetAccessMode]: [${mode}] is not a mode of three octal digits such as 644`);
      io('fileSetAccessMode', p, () => fs.chmodSync(p, parseInt(m, 8)));
      return null;
    },
  },
];
