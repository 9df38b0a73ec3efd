/**
 * directoryCopy and directoryRename, as Lucee's (Directory.actionCopy / actionRename):
 * - `directoryCopy(source, destination, recurse=false, filter="", createPath=true)` copies the
 *   files of a directory; with recurse its subdirectories too. A filter (a pattern list such as
 *   `"*.txt|*.log"`, or a function of the path) picks the files; recursing with a filter keeps a
 *   directory when it holds a copied file or its name passes the filter, and drops it otherwise.
 * - `directoryRename(path, newPath, createPath=true)` moves a directory and returns its new path;
 *   a bare name renames it inside its parent directory.
 * Paths resolve as the other file functions' paths do.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { FnContext, FunctionDef } from './types.js';
import { applicationError, expressionError } from '../errors.js';
import { toBool, toStr, simple, typeName } from '../cast.js';
import { globFilter, io, statOrNull } from '../file-ops.js';
import { CfFunction } from '../function-value.js';
import { resolvePath } from './files.js';

type Accept = (path: string, name: string) => boolean;

function filterOf(ctx: FnContext, filter: unknown): Accept | undefined {
  if (filter instanceof CfFunction) return (path) => toBool(ctx.call(filter, [path]));
  const f = simple(filter);
  if (f === undefined || f === null || (typeof f === 'string' && f.trim() === '')) return undefined;
  if (typeof f !== 'string') throw expressionError(`invalid argument [filter] for function [directoryCopy]: a pattern or a function, not a ${typeName(f)}`);
  const re = globFilter(f.toLowerCase());
  return (_path, name) => re.test(name.toLowerCase());
}

/** Copies the entries of `src` into `dst`; returns whether anything was copied. */
function copyTree(src: string, dst: string, recurse: boolean, accept: Accept | undefined): boolean {
  io('directoryCopy', dst, () => fs.mkdirSync(dst, { recursive: true }));
  let copied = false;
  for (const name of io('directoryCopy', src, () => fs.readdirSync(src)).sort()) {
    const from = nodePath.join(src, name);
    const to = nodePath.join(dst, name);
    const st = statOrNull(from);
    if (!st) continue;
    if (st.isDirectory()) {
      if (!recurse) continue;
      const inner = copyTree(from, to, true, accept);
      // with a filter, a directory stays when it holds copies or its own name passes
      if (accept && !inner && !accept(from, name)) io('directoryCopy', to, () => fs.rmSync(to, { recursive: true }));
      else copied = true;
    } else if (!accept || accept(from, name)) {
      io('directoryCopy', from, () => fs.copyFileSync(from, to));
      copied = true;
    }
  }
  return copied;
}

/** Lucee's toDestination: a bare name is a sibling of the source, anything else a path. */
function destination(ctx: FnContext, source: string, target: unknown): string {
  const t = toStr(simple(target));
  if (t.trim() === '') throw expressionError('the destination directory must not be empty');
  return /[/\\]/.test(t) ? resolvePath(ctx, t) : nodePath.join(nodePath.dirname(source), t);
}

function existingDirectory(fn: string, p: string): void {
  const st = statOrNull(p);
  if (!st) throw applicationError(`${fn}: the directory [${p}] does not exist`);
  if (!st.isDirectory()) throw applicationError(`${fn}: [${p}] exists, but is not a directory`);
}

export const directoryCopyFunctions: FunctionDef[] = [
  {
    name: 'directoryCopy',
    params: [
      { name: 'source', type: 'any', required: true },
      { name: 'destination', type: 'any', required: true },
      { name: 'recurse', type: 'boolean', default: false },
      { name: 'filter', type: 'any', default: '' },
      { name: 'createPath', type: 'boolean', default: true },
    ],
    impl: (ctx, source: unknown, target: unknown, recurse: boolean, filter: unknown, createPath: boolean) => {
      const src = resolvePath(ctx, source);
      existingDirectory('directoryCopy', src);
      const dst = destination(ctx, src, target);
      if (!createPath && !statOrNull(nodePath.dirname(dst))) throw applicationError(`directoryCopy: the parent directory of [${dst}] does not exist`);
      const rel = nodePath.relative(src, dst);
      if (rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel))) throw applicationError(`directoryCopy: can't copy [${src}] into itself ([${dst}])`);
      copyTree(src, dst, recurse, filterOf(ctx, filter));
      return null;
    },
  },
  {
    name: 'directoryRename',
    params: [{ name: 'oldPath', type: 'any', required: true }, { name: 'newPath', type: 'any', required: true }, { name: 'createPath', type: 'boolean', default: true }],
    impl: (ctx, oldPath: unknown, newPath: unknown, createPath: boolean) => {
      const src = resolvePath(ctx, oldPath);
      existingDirectory('directoryRename', src);
      const dst = destination(ctx, src, newPath);
      if (statOrNull(dst)) throw applicationError(`directoryRename: the new directory [${dst}] already exists`);
      if (createPath) io('directoryRename', dst, () => fs.mkdirSync(nodePath.dirname(dst), { recursive: true }));
      io('directoryRename', src, () => fs.renameSync(src, dst));
      return dst;
    },
  },
];
