/**
 * `<cffile action="upload|uploadAll">`: saves the files of a multipart request (runtime/uploads.ts)
 * into a destination directory. The browser's file name is untrusted: it is sanitised and the
 * file is written only inside the destination, with O_EXCL/O_NOFOLLOW (runtime/safe-save.ts, the
 * same rules as mail attachments). The temp file belongs to the server and is left in place.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { TagCall } from '../types.js';
import { applicationError } from '../../runtime/errors.js';
import { Struct } from '../../runtime/struct.js';
import { safeDiskName, saveInDirectory } from '../../runtime/safe-save.js';
import type { UploadedFile } from '../../runtime/uploads.js';
import { bool, str } from '../attr-values.js';
import { applyMode, nameConflictOf, tagPath } from './options.js';

function splitList(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** `accept="image/*, .pdf, application/json"`: MIME types (with wildcards) or extensions. */
function accepted(accept: string[], file: UploadedFile): boolean {
  if (!accept.length) return true;
  const type = file.contentType.split(';')[0]!.trim().toLowerCase();
  const ext = nodePath.extname(file.clientFile).toLowerCase();
  return accept.some((a) => {
    if (a.startsWith('.')) return a === ext;
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return a === type || a === '*/*' || a === '*';
  });
}

function extAllowed(call: TagCall, clientFile: string): boolean {
  const ext = nodePath.extname(clientFile).replace(/^\./, '').toLowerCase();
  const norm = (l: string[]) => l.map((x) => x.replace(/^\*?\./, ''));
  const allowed = norm(splitList(str(call.attrs.allowedextensions)));
  const blocked = norm(splitList(str(call.attrs.blockedextensions)));
  if (allowed.length && !allowed.includes(ext) && !allowed.includes('*')) return false;
  return !blocked.includes(ext);
}

/** The files of one form field (case-insensitive), or every file for uploadAll. */
function filesOf(call: TagCall, all: boolean): UploadedFile[] {
  const files = call.ctx.files;
  if (all) return Object.values(files).flat();
  const field = str(call.attrs.filefield);
  if (!field) throw call.error('Attribute [fileField] is required for tag [cffile] if attribute action has the value [upload]');
  const key = Object.keys(files).find((k) => k.toLowerCase() === field.trim().toLowerCase());
  const list = key ? files[key]! : [];
  if (!list.length) throw applicationError(`cffile action [upload]: the form field [${field}] did not contain a file`, { detail: 'the form needs enctype="multipart/form-data" and an <input type="file"> of that name' });
  return [list[0]!];
}

/** Where the files go: an existing directory, or a file path whose directory exists. */
function destinationOf(call: TagCall, action: string): { dir: string; name?: string } {
  const dest = str(call.attrs.destination);
  if (!dest) throw call.error(`Attribute [destination] is required for tag [cffile] if attribute action has the value [${action}]`);
  const abs = tagPath(call, dest);
  const createPath = bool(call.attrs.createpath) ?? false;
  const st = fs.statSync(abs, { throwIfNoEntry: false });
  if (st?.isDirectory()) return { dir: fs.realpathSync(abs) };
  const isDirPath = /[/\\]$/.test(dest) || !nodePath.extname(abs);
  const dir = isDirPath ? abs : nodePath.dirname(abs);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    if (!createPath) throw applicationError(`cffile action [${action}]: the destination directory [${dir}] does not exist`, { detail: 'create it first or set createPath="true"' });
    fs.mkdirSync(dir, { recursive: true });
  }
  return { dir: fs.realpathSync(dir), ...(isDirPath ? {} : { name: nodePath.basename(abs) }) };
}

async function saveOne(call: TagCall, file: UploadedFile, dir: string, fixedName: string | undefined, action: string): Promise<Struct> {
  const conflict = nameConflictOf(call, 'error');
  // sanitised, and an extension a server would run (.cfm, .php...) neutralised: evil.cfm -> evil_cfm.txt
  const wanted = safeDiskName(fixedName ?? file.clientFile);
  const full = nodePath.join(dir, wanted);
  const before = fs.lstatSync(full, { throwIfNoEntry: false });
  let saved: string | undefined;
  if (before && conflict === 'error') {
    throw applicationError(`cffile action [${action}]: the file [${full}] already exists`, { detail: 'use nameConflict="overwrite|makeunique|skip"' });
  }
  if (!(before && conflict === 'skip')) {
    const content = await fs.promises.readFile(file.path).catch((e: NodeJS.ErrnoException) => {
      throw applicationError(`cffile action [${action}]: the uploaded temp file [${file.path}] can not be read`, { detail: e.message });
    });
    saved = await saveInDirectory(dir, wanted, content, conflict === 'makeunique');
    applyMode(call, saved);
  }
  const serverFile = nodePath.basename(saved ?? full);
  const clientFile = file.clientFile.split(/[/\\]/).pop() ?? '';
  const clientExt = nodePath.extname(clientFile);
  const serverExt = nodePath.extname(serverFile);
  const [type, sub] = file.contentType.split(';')[0]!.trim().split('/');
  const st = saved ? fs.statSync(saved) : undefined;
  return Struct.from({
    attemptedServerFile: wanted,
    clientDirectory: '',
    clientFile,
    clientFileExt: clientExt.replace(/^\./, ''),
    clientFileName: clientExt ? clientFile.slice(0, -clientExt.length) : clientFile,
    contentType: type ?? '',
    contentSubType: sub ?? '',
    dateLastAccessed: st ? new Date(st.atimeMs) : '',
    fileExisted: !!before,
    fileSize: file.size,
    fileWasAppended: false,
    fileWasOverwritten: !!before && conflict === 'overwrite',
    fileWasRenamed: !!saved && serverFile !== wanted,
    fileWasSaved: !!saved,
    oldFileSize: before?.isFile() ? before.size : '',
    serverDirectory: dir,
    serverFile,
    serverFileExt: serverExt.replace(/^\./, ''),
    serverFileName: serverExt ? serverFile.slice(0, -serverExt.length) : serverFile,
    timeCreated: st ? new Date(st.birthtimeMs || st.ctimeMs) : '',
    timeLastModified: st ? new Date(st.mtimeMs) : '',
  });
}

/** Runs upload (one file, result struct) or uploadAll (every file, array of result structs). */
export async function uploadFiles(call: TagCall, all: boolean): Promise<void> {
  const action = all ? 'uploadAll' : 'upload';
  const files = filesOf(call, all);
  const { dir, name } = destinationOf(call, action);
  const accept = splitList(str(call.attrs.accept));
  for (const f of files) {
    if (!accepted(accept, f) || !extAllowed(call, f.clientFile)) {
      throw applicationError(`cffile action [${action}]: the MIME type or the extension of the uploaded file [${f.clientFile}] (${f.contentType}) was not accepted by the server`, {
        detail: `accepted: [${str(call.attrs.accept) ?? ''}]`,
      });
    }
  }
  const results: Struct[] = [];
  for (const f of files) results.push(await saveOne(call, f, dir, all ? undefined : name, action));
  call.setVariable(str(call.attrs.result) || 'cffile', all ? results : results[0]);
}
