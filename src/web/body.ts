import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { UploadedFiles } from '../runtime/uploads.js';

/** An HTTP failure before the page runs (bad URL, body too large...): answered with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The form scope's values and uploads of a request, with the cleanup of its temp files. */
export interface ParsedBody {
  /** Field name -> value; repeated fields joined with commas as Lucee does; upload fields hold the temp path. */
  form: Record<string, string>;
  /** Field names in the order first seen (for form.fieldnames). */
  fieldNames: string[];
  files: UploadedFiles;
  /** The raw body of a request that is not multipart (urlencoded, JSON, XML...), as text. */
  content?: string;
  /** Removes the upload temp dir (what the page did not move away). */
  cleanup(): Promise<void>;
}

const noCleanup = async () => {};
let TMP: string | undefined;

/** The body of a request that has none (frozen: shared by every such request). */
export const NO_BODY: ParsedBody = Object.freeze({ form: Object.freeze({}), fieldNames: Object.freeze([]) as unknown as string[], files: Object.freeze({}), cleanup: noCleanup });

/** Whether a request comes without a body (a GET): readBody has nothing to read or wait for. */
export function hasNoBody(req: IncomingMessage): boolean {
  const declared = req.headers['content-length'];
  return req.readableEnded || (declared === undefined && req.headers['transfer-encoding'] === undefined) || declared === '0';
}

/**
 * Reads the request body: application/x-www-form-urlencoded and multipart/form-data (busboy,
 * each file streamed to its own file in a fresh temp dir, never under the client's name) fill
 * the form scope; other types are kept as text. More than `maxBytes` fails with HttpError 413.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, tmpRoot?: string): Promise<ParsedBody> {
  const empty: ParsedBody = { form: {}, fieldNames: [], files: {}, cleanup: noCleanup };
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  // a request without a body (GET): nothing to wait for
  if (hasNoBody(req)) return empty;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(req, maxBytes, tmpRoot ?? (TMP ??= os.tmpdir()));
  const raw = await readAll(req, maxBytes);
  if (raw.length === 0) return empty;
  if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    const body: ParsedBody = { ...empty, form: {}, fieldNames: [] };
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) addField(body, k, v);
    return { ...body, content: raw.toString('utf8') };
  }
  return { ...empty, content: raw.toString('utf8') };
}

const tooLarge = (max: number) => new HttpError(413, `request body larger than ${max} bytes`);

function addField(body: ParsedBody, name: string, value: string): void {
  const k = name.toLowerCase();
  const existing = Object.keys(body.form).find((x) => x.toLowerCase() === k);
  if (existing === undefined) {
    body.form[name] = value;
    body.fieldNames.push(name);
  } else body.form[existing] = body.form[existing] + ',' + value;
}

function readAll(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (d: Buffer) => {
      size += d.length;
      if (size > max) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge(max));
        return;
      }
      chunks.push(d);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readMultipart(req: IncomingMessage, max: number, tmpRoot: string): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    let dir: string | undefined;
    const cleanup = async () => {
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => {});
    };
    const body: ParsedBody = { form: {}, fieldNames: [], files: {}, cleanup };
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: max, fieldSize: max, files: 1000, fields: 10_000, parts: 11_000 }, defParamCharset: 'utf8' });
    } catch (e) {
      reject(new HttpError(400, `bad multipart request: ${(e as Error).message}`));
      return;
    }
    let failed: Error | undefined;
    const fail = (e: Error) => {
      if (failed) return;
      failed = e;
      req.unpipe(bb);
      req.resume();
      void cleanup().then(() => reject(e));
    };
    let total = 0;
    req.on('data', (d: Buffer) => {
      total += d.length;
      if (total > max) fail(tooLarge(max));
    });
    const writes: Promise<void>[] = [];
    let n = 0;
    bb.on('field', (name, value) => addField(body, name, value));
    bb.on('file', (name, stream, info) => {
      if (failed) return void stream.resume();
      if (!info.filename) {
        // a file input left empty: the field is "" as in Lucee
        stream.resume();
        return addField(body, name, '');
      }
      dir ??= fs.mkdtempSync(path.join(tmpRoot, 'cfml-upload-'));
      const file = path.join(dir, `upload-${++n}.tmp`);
      let size = 0;
      stream.on('data', (d: Buffer) => (size += d.length));
      stream.on('limit', () => fail(tooLarge(max)));
      const out = fs.createWriteStream(file, { mode: 0o600 });
      writes.push(
        new Promise<void>((res, rej) => {
          out.on('finish', () => {
            const clientFile = path.basename((info.filename ?? '').replace(/\\/g, '/'));
            const up = { path: file, clientFile, contentType: info.mimeType, size };
            (body.files[name.toLowerCase()] ??= []).push(up);
            addField(body, name, file);
            res();
          });
          out.on('error', rej);
          stream.on('error', rej);
        }),
      );
      stream.pipe(out);
    });
    bb.on('error', (e) => fail(new HttpError(400, `bad multipart request: ${(e as Error).message}`)));
    bb.on('close', () => {
      if (failed) return;
      Promise.all(writes).then(
        () => (failed ? undefined : resolve(body)),
        (e) => fail(e as Error),
      );
    });
    req.pipe(bb);
  });
}
