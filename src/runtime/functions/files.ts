import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FnContext, FunctionDef } from './types.js';
import { applicationError, expressionError } from '../errors.js';
import { simple, toBool, toStr } from '../cast.js';
import { dataToWrite, directoryQuery, fileInfo, io, listDirectory, moveFile, normalizeCharset, statOrNull } from '../file-ops.js';
import { CfFunction } from '../function-value.js';
import { FileObject, readFromObject, writeToObject } from '../file-stream.js';

/**
 * Absolute paths stay; relative ones are taken from the current template's directory. A file
 * object (fileOpen) stands for its file, as in Lucee.
 */
export function resolvePath(ctx: FnContext, p: unknown): string {
  if (p instanceof FileObject) return p.path;
  const s = toStr(simple(p));
  if (s.trim() === '') throw expressionError('a file path must not be empty');
  if (nodePath.isAbsolute(s)) return nodePath.normalize(s);
  return nodePath.resolve(nodePath.dirname(ctx.templatePath), s);
}

const VOID = null;

/** Common file extensions to MIME types (fileGetMimeType falls back to these). */
const MIME_BY_EXT: Record<string, string> = {
  txt: 'text/plain', text: 'text/plain', log: 'text/plain', csv: 'text/csv', tsv: 'text/tab-separated-values',
  htm: 'text/html', html: 'text/html', cfm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript',
  xml: 'application/xml', json: 'application/json', md: 'text/markdown', ics: 'text/calendar', rtf: 'application/rtf',
  pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar', '7z': 'application/x-7z-compressed',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
  svg: 'image/svg+xml', ico: 'image/vnd.microsoft.icon', tif: 'image/tiff', tiff: 'image/tiff',
  mp3: 'audio/mpeg', wav: 'audio/x-wav', ogg: 'audio/ogg', mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo', webm: 'video/webm',
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf', wasm: 'application/wasm', exe: 'application/x-msdownload',
};

/** MIME type from the first bytes (the usual magic numbers), else undefined. */
function sniffMime(b: Uint8Array): string | undefined {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  const ascii = Buffer.from(b.subarray(0, 16)).toString('latin1');
  if (ascii.startsWith('%PDF')) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii.startsWith('GIF8')) return 'image/gif';
  if (ascii.startsWith('BM') && b.length > 14) return 'image/bmp';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image/webp';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (starts(0x1f, 0x8b)) return 'application/gzip';
  if (ascii.startsWith('ID3')) return 'audio/mpeg';
  if (/^\s*<\?xml/.test(ascii)) return 'application/xml';
  return undefined;
}

const looksLikeText = (b: Uint8Array) => !b.subarray(0, 1024).includes(0);

export const filesFunctions: FunctionDef[] = [
  {
    // Lucee: strict (default) needs an existing, non-empty file and looks at its content; without
    // strict a missing file is typed by its extension. Binary data is typed by its content.
    name: 'fileGetMimeType',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'strict', type: 'boolean', default: true }],
    impl: (ctx, f: unknown, strict: boolean) => {
      const v = simple(f);
      if (v instanceof Uint8Array) return sniffMime(v) ?? 'application/octet-stream';
      const p = resolvePath(ctx, v);
      const ext = nodePath.extname(p).slice(1).toLowerCase();
      const st = statOrNull(p);
      if (!st || !st.isFile()) {
        if (!strict && MIME_BY_EXT[ext]) return MIME_BY_EXT[ext];
        throw expressionError(`invalid argument [file] for function [fileGetMimeType]: file [${p}] does not exist${strict ? ', strict was true' : " and couldn't detect mimetype from the file extension"}`);
      }
      if (strict && st.size === 0) throw expressionError(`invalid argument [file] for function [fileGetMimeType]: file [${p}] was empty, strict was true`);
      const head = io('fileGetMimeType', p, () => {
        const fd = fs.openSync(p, 'r');
        try {
          const buf = Buffer.alloc(Math.min(st.size, 4096));
          fs.readSync(fd, buf, 0, buf.length, 0);
          return new Uint8Array(buf);
        } finally {
          fs.closeSync(fd);
        }
      });
      return sniffMime(head) ?? MIME_BY_EXT[ext] ?? (looksLikeText(head) ? 'text/plain' : 'application/octet-stream');
    },
  },
  {
    // Lucee: readOnly clears the write permission, normal sets it again; archive, hidden and
    // system are Windows attributes (nothing to do here).
    name: 'fileSetAttribute',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'attribute', type: 'string', required: true }],
    impl: (ctx, f: unknown, attr: string) => {
      const p = resolvePath(ctx, f);
      const a = attr.trim().toLowerCase();
      if (!['normal', 'archive', 'hidden', 'system', 'readonly'].includes(a)) {
        throw expressionError(`invalid argument [attribute] for function [fileSetAttribute]: invalid value [${attr}], valid values are [normal,archive,hidden,system,readonly]`);
      }
      const st = io('fileSetAttribute', p, () => fs.statSync(p));
      if (a === 'readonly') io('fileSetAttribute', p, () => fs.chmodSync(p, st.mode & ~0o222));
      else if (a === 'normal') io('fileSetAttribute', p, () => fs.chmodSync(p, st.mode | 0o200));
      return null;
    },
  },
  {
    name: 'expandPath',
    params: [{ name: 'path', type: 'string', required: true }],
    impl: (ctx, p: string) => ctx.expandPath(p),
  },
  { name: 'getCurrentTemplatePath', params: [], impl: (ctx) => ctx.templatePath },
  { name: 'getBaseTemplatePath', params: [], impl: (ctx) => ctx.baseTemplatePath },
  {
    name: 'getDirectoryFromPath',
    params: [{ name: 'path', type: 'string', required: true }],
    impl: (_ctx, p: string) => {
      const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
      return i >= 0 ? p.slice(0, i + 1) : nodePath.sep;
    },
  },
  {
    name: 'getFileFromPath',
    params: [{ name: 'path', type: 'string', required: true }],
    impl: (_ctx, p: string) => {
      const s = p.replace(/\\/g, '/');
      if (s.endsWith('..')) return '.';
      if (s.endsWith('.') || s.endsWith('/')) return '';
      return s.slice(s.lastIndexOf('/') + 1);
    },
  },
  {
    name: 'getFileInfo',
    params: [{ name: 'path', type: 'any', required: true }],
    impl: (ctx, p: unknown) => fileInfo(resolvePath(ctx, p)),
  },
  {
    name: 'fileExists',
    params: [{ name: 'filePath', type: 'any', required: true }, { name: 'allowRealPath', type: 'any' }],
    impl: (ctx, p: unknown) => statOrNull(resolvePath(ctx, p))?.isFile() ?? false,
  },
  {
    name: 'directoryExists',
    params: [{ name: 'path', type: 'any', required: true }, { name: 'allowRealPath', type: 'any' }],
    impl: (ctx, p: unknown) => {
      if (toStr(simple(p)).trim() === '') return false;
      return statOrNull(resolvePath(ctx, p))?.isDirectory() ?? false;
    },
  },
  {
    name: 'fileRead',
    params: [{ name: 'filePath', type: 'any', required: true }, { name: 'charset', type: 'any' }, { name: 'bufferSize', type: 'any' }],
    impl: (ctx, p: unknown, charset?: unknown) => {
      // Lucee: fileRead(fileObject, n) reads the next n characters of the open file
      if (p instanceof FileObject && charset !== undefined && charset !== null) return readFromObject(p, charset);
      const f = resolvePath(ctx, p);
      const cs = charset === undefined || typeof charset === 'number' || /^\d+$/.test(toStr(charset)) ? undefined : toStr(charset);
      return io('fileRead', f, () => fs.readFileSync(f, normalizeCharset(cs)));
    },
  },
  {
    name: 'fileReadBinary',
    params: [{ name: 'filePath', type: 'any', required: true }],
    impl: (ctx, p: unknown) => {
      const f = resolvePath(ctx, p);
      return io('fileReadBinary', f, () => fs.readFileSync(f));
    },
  },
  {
    name: 'fileWrite',
    params: [{ name: 'filePath', type: 'any', required: true }, { name: 'data', type: 'any', required: true }, { name: 'charset', type: 'string' }],
    impl: (ctx, p: unknown, data: unknown, charset?: string) => {
      if (p instanceof FileObject) return writeToObject('fileWrite', p, data);
      const f = resolvePath(ctx, p);
      io('fileWrite', f, () => fs.writeFileSync(f, dataToWrite(data, charset)));
      return VOID;
    },
  },
  {
    name: 'fileAppend',
    params: [{ name: 'file', type: 'any', required: true }, { name: 'data', type: 'any', required: true }, { name: 'charset', type: 'string' }, { name: 'addNewLine', type: 'boolean', default: false }],
    impl: (ctx, p: unknown, data: unknown, charset: string | undefined, newline: boolean) => {
      if (p instanceof FileObject) return writeToObject('fileAppend', p, newline ? toStr(simple(data)) + '\n' : data);
      const f = resolvePath(ctx, p);
      io('fileAppend', f, () => {
        fs.appendFileSync(f, dataToWrite(data, charset));
        if (newline) fs.appendFileSync(f, '\n');
      });
      return VOID;
    },
  },
  {
    name: 'fileDelete',
    params: [{ name: 'filePath', type: 'any', required: true }],
    impl: (ctx, p: unknown) => {
      const f = resolvePath(ctx, p);
      io('fileDelete', f, () => {
        if (fs.statSync(f).isDirectory()) throw applicationError(`fileDelete: [${f}] is a directory, use directoryDelete`);
        fs.unlinkSync(f);
      });
      return VOID;
    },
  },
  {
    name: 'fileCopy',
    params: [{ name: 'source', type: 'any', required: true }, { name: 'destination', type: 'any', required: true }],
    impl: (ctx, s: unknown, d: unknown) => {
      const src = resolvePath(ctx, s);
      let dst = resolvePath(ctx, d);
      if (statOrNull(dst)?.isDirectory()) dst = nodePath.join(dst, nodePath.basename(src));
      io('fileCopy', src, () => fs.copyFileSync(src, dst));
      return VOID;
    },
  },
  {
    name: 'fileMove',
    params: [{ name: 'source', type: 'any', required: true }, { name: 'destination', type: 'any', required: true }],
    impl: (ctx, s: unknown, d: unknown) => {
      const src = resolvePath(ctx, s);
      let dst = resolvePath(ctx, d);
      if (statOrNull(dst)?.isDirectory()) dst = nodePath.join(dst, nodePath.basename(src));
      io('fileMove', src, () => moveFile(src, dst));
      return VOID;
    },
  },
  {
    name: 'directoryCreate',
    params: [{ name: 'path', type: 'any', required: true }, { name: 'createPath', type: 'boolean', default: true }, { name: 'ignoreExists', type: 'boolean', default: false }],
    impl: (ctx, p: unknown, createPath: boolean, ignoreExists: boolean) => {
      const d = resolvePath(ctx, p);
      if (statOrNull(d)) {
        if (ignoreExists) return VOID;
        throw applicationError(`directoryCreate: the directory [${d}] already exists`);
      }
      io('directoryCreate', d, () => fs.mkdirSync(d, { recursive: createPath }));
      return VOID;
    },
  },
  {
    name: 'directoryDelete',
    params: [{ name: 'path', type: 'any', required: true }, { name: 'recurse', type: 'boolean', default: false }],
    impl: (ctx, p: unknown, recurse: boolean) => {
      const d = resolvePath(ctx, p);
      const st = io('directoryDelete', d, () => fs.statSync(d));
      if (!st.isDirectory()) throw applicationError(`directoryDelete: [${d}] is not a directory`);
      if (!recurse && fs.readdirSync(d).length) throw applicationError(`directoryDelete: the directory [${d}] is not empty`, { detail: 'pass recurse=true to delete it with its content' });
      io('directoryDelete', d, () => fs.rmSync(d, { recursive: true }));
      return VOID;
    },
  },
  {
    name: 'directoryList',
    params: [
      { name: 'path', type: 'any', required: true },
      { name: 'recurse', type: 'boolean', default: false },
      { name: 'listInfo', type: 'string', default: 'path' },
      { name: 'filter', type: 'any', default: '' },
      { name: 'sort', type: 'string', default: '' },
      { name: 'type', type: 'string', default: 'all' },
    ],
    impl: (ctx, p: unknown, recurse: boolean, listInfo: string, filter: unknown, sort: string, type: string) => {
      const root = resolvePath(ctx, p);
      const matches = filter instanceof CfFunction ? (path: string) => toBool(ctx.call(filter, [path])) : filter;
      const entries = listDirectory('directoryList', root, { recurse, type, filter: matches, sort });
      switch (listInfo.toLowerCase()) {
        case 'name':
          return entries.map((e) => (recurse ? e.rel : e.name));
        case 'path':
          return entries.map((e) => e.path);
        case 'query':
          return directoryQuery(entries);
      }
      throw expressionError(`directoryList: invalid listInfo [${listInfo}], valid values are [name, path, query]`);
    },
  },
  {
    name: 'getTempDirectory',
    params: [],
    impl: () => {
      const d = os.tmpdir();
      return d.endsWith(nodePath.sep) ? d : d + nodePath.sep;
    },
  },
  {
    name: 'getTempFile',
    params: [{ name: 'dir', type: 'string', required: true }, { name: 'prefix', type: 'string', required: true }, { name: 'extension', type: 'string', default: '.tmp' }],
    impl: (ctx, dir: string, prefix: string, ext: string) => {
      const d = resolvePath(ctx, dir);
      if (!statOrNull(d)?.isDirectory()) throw expressionError(`getTempFile: [${dir}] is not a directory`);
      const e = ext.trim() === '' ? '.tmp' : ext.startsWith('.') ? ext : '.' + ext;
      const f = nodePath.join(d, `${prefix}-${Date.now().toString(36)}_${randomUUID().slice(0, 8)}${e}`);
      io('getTempFile', f, () => fs.writeFileSync(f, '', { flag: 'wx' }));
      return f;
    },
  },
];
