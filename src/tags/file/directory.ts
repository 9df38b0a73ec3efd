/**
 * `<cfdirectory>`: list (a query with Lucee's columns name, size, type, dateLastModified,
 * attributes, mode, directory), create, delete (recurse) and rename. Paths are relative to the
 * calling template; errors name the path. Listing shares runtime/file-ops.ts with directoryList().
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { defineTag, Signal, type TagCall } from '../types.js';
import { applicationError } from '../../runtime/errors.js';
import { directoryQuery, io, listDirectory, statOrNull } from '../../runtime/file-ops.js';
import { Query } from '../../runtime/query.js';
import { CfFunction } from '../../runtime/function-value.js';
import { toStr } from '../../runtime/cast.js';
import { bool, str } from '../attr-values.js';
import { applyMode, tagPath } from './options.js';

function list(call: TagCall, dir: string): void {
  const recurse = bool(call.attrs.recurse) ?? false;
  const filter = call.attrs.filter;
  if (filter instanceof CfFunction) throw call.error('<cfdirectory> takes a filter pattern such as "*.txt|*.log"; for a filter function use directoryList()');
  const matches = str(filter) ?? '';
  const entries = listDirectory('cfdirectory action [list]', dir, { recurse, type: str(call.attrs.type) ?? 'all', filter: matches, sort: str(call.attrs.sort) ?? '' });
  const info = (str(call.attrs.listinfo) ?? 'all').toLowerCase();
  let q: Query;
  if (info === 'name') {
    q = new Query(['name']);
    for (const e of entries) q.setCell('name', recurse ? e.rel : e.name, q.addRows(1));
  } else q = directoryQuery(entries);
  const name = str(call.attrs.name);
  if (name) call.setVariable(name, q);
}

export const directoryTag = defineTag({
  name: 'directory',
  attrs: [
    { name: 'action', values: ['list', 'create', 'delete', 'rename'] },
    { name: 'directory', required: true }, { name: 'name' }, { name: 'filter' }, { name: 'sort' }, { name: 'type', values: ['all', 'file', 'dir', 'directory'] },
    { name: 'listinfo', values: ['all', 'name'] }, { name: 'recurse' }, { name: 'newdirectory' }, { name: 'mode' }, { name: 'createpath' },
    { name: 'storeacl' }, { name: 'serverpassword' },
  ],
  run(call) {
    const action = (str(call.attrs.action) ?? 'list').toLowerCase();
    const dir = tagPath(call, toStr(call.attrs.directory));
    switch (action) {
      case 'list':
        list(call, dir);
        break;
      case 'create':
        if (statOrNull(dir)) throw applicationError(`cfdirectory action [create]: the directory [${dir}] already exists`);
        io('cfdirectory action [create]', dir, () => fs.mkdirSync(dir, { recursive: bool(call.attrs.createpath) ?? true }));
        applyMode(call, dir);
        break;
      case 'delete': {
        const st = io('cfdirectory action [delete]', dir, () => fs.statSync(dir));
        if (!st.isDirectory()) throw applicationError(`cfdirectory action [delete]: [${dir}] is not a directory`);
        if (!(bool(call.attrs.recurse) ?? false) && fs.readdirSync(dir).length) {
          throw applicationError(`cfdirectory action [delete]: the directory [${dir}] is not empty`, { detail: 'set recurse="true" to delete it with its content' });
        }
        io('cfdirectory action [delete]', dir, () => fs.rmSync(dir, { recursive: true }));
        break;
      }
      case 'rename': {
        const nd = str(call.attrs.newdirectory);
        if (!nd) throw call.error('Attribute [newDirectory] is required for tag [cfdirectory] if attribute action has the value [rename]');
        // a bare name renames in place; a path is relative to the calling template
        const target = /[/\\]/.test(nd) ? tagPath(call, nd) : nodePath.join(nodePath.dirname(dir), nd);
        if (!statOrNull(dir)?.isDirectory()) throw applicationError(`cfdirectory action [rename]: the directory [${dir}] does not exist`);
        if (statOrNull(target)) throw applicationError(`cfdirectory action [rename]: the target [${target}] already exists`);
        io('cfdirectory action [rename]', dir, () => fs.renameSync(dir, target));
        break;
      }
    }
    return Signal.Normal;
  },
});
