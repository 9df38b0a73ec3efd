/** Attribute helpers shared by <cffile> and <cfdirectory>: paths, mode, nameConflict. */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { TagCall } from '../types.js';
import { io } from '../../runtime/file-ops.js';
import { str } from '../attr-values.js';

/** What to do when the target of write/copy/move/upload already exists (Lucee's nameConflict). */
export type NameConflict = 'error' | 'skip' | 'overwrite' | 'makeunique';

/** A path attribute resolved against the directory of the calling template (absolute paths stay). */
export function tagPath(call: TagCall, p: string): string {
  if (p.trim() === '') throw call.error('a file path must not be empty');
  return nodePath.isAbsolute(p) ? nodePath.normalize(p) : nodePath.resolve(call.ctx.template.dir, p);
}

/** `mode="644"`: Unix permissions in octal; an invalid mode is an error naming it. */
export function applyMode(call: TagCall, file: string): void {
  const mode = str(call.attrs.mode);
  if (!mode) return;
  if (!/^[0-7]{3,4}$/.test(mode.trim())) throw call.error(`invalid mode [${mode}], use three octal digits such as 644`);
  io('cffile', file, () => fs.chmodSync(file, parseInt(mode.trim(), 8)));
}

export function nameConflictOf(call: TagCall, fallback: NameConflict): NameConflict {
  const v = (str(call.attrs.nameconflict) ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'forceunique') return 'makeunique';
  if (v === 'error' || v === 'skip' || v === 'overwrite' || v === 'makeunique') return v;
  throw call.error(`invalid value [${v}] for attribute [nameConflict], valid values are [error, skip, overwrite, makeunique]`);
}

