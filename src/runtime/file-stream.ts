/**
 * The file object of `fileOpen()`: an open file a page reads line by line or in pieces, or writes
 * to, until `fileClose()`. Behaviour as Lucee's file stream wrappers:
 * - mode `read`: text in the charset given; `readLine` returns the next line without its line end
 *   and fails at the end of the file; `read(n)` returns up to n characters.
 * - mode `readBinary`: `read(n)` returns up to n bytes; the end of the file is known once a read
 *   returns fewer bytes than asked for.
 * - modes `write` and `append`: writes go through a buffer of 8 KiB (as Java's buffered stream),
 *   so the file shows them once the buffer fills or the object is closed; `write` empties the file
 *   on the first write, `append` adds to its end.
 * - mode `readWrite`, and every mode opened with `seekable`: reads and writes at a position that
 *   `seek`/`skip` move, straight to the file (a random access file); `write` then does not empty the
 *   file, it overwrites from the position.
 * The object is a read-only struct of `mode`, `name`, `path` (the directory), `status` ("open" or
 * "close"), `size` ("N bytes") and `lastmodified`. A render closes the objects it left open.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Struct } from './struct.js';
import { applicationError, expressionError } from './errors.js';
import { simple, toStr } from './cast.js';
import { io } from './file-ops.js';

export type FileMode = 'read' | 'readBinary' | 'write' | 'append' | 'readWrite';

/** Java's BufferedOutputStream default size: buffered writes reach the file in pieces of this size. */
const WRITE_BUFFER = 8192;
const READ_CHUNK = 65536;
/** Bytes read at a time by readLine on a seekable file. */
const LINE_BLOCK = 8192;

export class FileObject extends Struct {
  private fd: number | undefined;
  private status: 'open' | 'close' = 'open';
  /** Position of the next read or write in the file (positional modes and binary reads). */
  private pos = 0;
  private eof = false;
  /** Buffered writes not yet in the file (write/append without seekable). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Text read mode: decoded characters not yet returned, and whether the file is read to its end. */
  private text = '';
  private textDone = false;
  private decoder: TextDecoder | undefined;
  /** Set while refresh() fills the struct view, which is read-only to pages. */
  private filling = false;

  /**
   * @param path absolute path of the file
   * @param mode as fileOpen's mode argument, normalized
   * @param charset text charset (a WHATWG label; writes use Node's encodings via `encode`)
   * @param seekable positional reads and writes, as a random access file
   * @param encode turns a string into the bytes to write in the object's charset
   */
  constructor(
    readonly path: string,
    readonly mode: FileMode,
    readonly charset: string,
    readonly seekable: boolean,
    private readonly encode: (s: string) => Uint8Array,
  ) {
    super();
    if (mode === 'append' && seekable) this.pos = fs.statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    this.refresh();
  }

  get isOpen(): boolean {
    return this.status === 'open';
  }

  /** Fills the struct view (mode, name, path, status, size, lastmodified) from the file's state. */
  refresh(): void {
    const st = fs.statSync(this.path, { throwIfNoEntry: false });
    this.filling = true;
    super.set('mode', this.mode);
    super.set('name', nodePath.basename(this.path));
    super.set('path', nodePath.dirname(this.path));
    super.set('status', this.status);
    super.set('size', `${st?.size ?? 0} bytes`);
    super.set('lastmodified', st ? new Date(Math.floor(st.mtimeMs)) : new Date(0));
    this.filling = false;
  }

  /** The struct is read-only, as Lucee's file object. */
  override setLower(lower: string, key: string, value: unknown): void {
    if (!this.filling) throw applicationError(`can't set key [${key}] of a file object, it is read-only`);
    super.setLower(lower, key, value);
  }

  override delete(key: string): boolean {
    throw applicationError(`can't remove key [${key}] from a file object, it is read-only`);
  }

  override clear(): void {
    throw applicationError("can't clear a file object, it is read-only");
  }

  private positional(): boolean {
    return this.seekable || this.mode === 'readWrite';
  }

  private open(): number {
    if (this.status !== 'open') throw applicationError(`the file object [${this.path}] is closed`);
    if (this.fd === undefined) {
      const flags = this.mode === 'read' || this.mode === 'readBinary' ? 'r' : this.positional() ? (fs.existsSync(this.path) ? 'r+' : 'w+') : this.mode === 'append' ? 'a' : 'w';
      this.fd = fs.openSync(this.path, flags);
    }
    return this.fd;
  }

  private notSupported(what: string): never {
    throw applicationError(`${what} can't be called when the file is opened in [${this.mode}] mode`);
  }

  /** Writes a string (in the charset) or bytes. */
  write(data: string | Uint8Array): void {
    if (this.mode === 'read' || this.mode === 'readBinary') this.notSupported('write');
    const bytes = typeof data === 'string' ? Buffer.from(this.encode(data)) : Buffer.from(data);
    const fd = this.open();
    if (this.positional()) {
      fs.writeSync(fd, bytes, 0, bytes.length, this.pos);
      this.pos += bytes.length;
    } else {
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
      if (this.pendingBytes >= WRITE_BUFFER) this.flush();
    }
    this.refresh();
  }

  private flush(): void {
    if (!this.pendingBytes || this.fd === undefined) return;
    const all = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    fs.writeSync(this.fd, all);
  }

  private readBytes(n: number): Buffer {
    const fd = this.open();
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, this.pos);
    this.pos += got;
    return buf.subarray(0, got);
  }

  /** Decodes more of the file into the text buffer; false at the end of the file. */
  private more(): boolean {
    if (this.textDone) return false;
    this.decoder ??= new TextDecoder(this.charset);
    const chunk = this.readBytes(READ_CHUNK);
    if (chunk.length === 0) {
      this.textDone = true;
      this.text += this.decoder.decode();
      return false;
    }
    this.text += this.decoder.decode(chunk, { stream: true });
    return true;
  }

  /**
   * The next line without its line end (\n, \r\n or \r).
   * @throws Application error at the end of the file, or in a mode that does not read text.
   */
  readLine(): string {
    if (this.mode !== 'read') this.notSupported('readLine');
    if (this.seekable) return this.readLineBytes();
    // where the search for a line end resumes: a long line is scanned once, not once per chunk
    let from = 0;
    for (;;) {
      let i = -1;
      for (let j = from; j < this.text.length; j++) {
        const c = this.text.charCodeAt(j);
        if (c === 10 || c === 13) {
          i = j;
          break;
        }
      }
      // a \r at the end of the buffer may be followed by a \n not read yet
      if (i >= 0 && !(this.text[i] === '\r' && i === this.text.length - 1 && !this.textDone)) {
        const line = this.text.slice(0, i);
        this.text = this.text.slice(this.text[i] === '\r' && this.text[i + 1] === '\n' ? i + 2 : i + 1);
        return line;
      }
      from = i >= 0 ? i : this.text.length;
      if (!this.more()) {
        if (this.text === '') throw applicationError(`end of file [${this.path}] reached`);
        if (i >= 0) continue;
        const line = this.text;
        this.text = '';
        return line;
      }
    }
  }

  /** readLine of a seekable file: bytes as Latin-1 characters up to the line end, as Java's RandomAccessFile; read in blocks. */
  private readLineBytes(): string {
    let line = '';
    for (;;) {
      const start = this.pos;
      const b = this.readBytes(LINE_BLOCK);
      if (b.length === 0) {
        if (line === '') throw applicationError(`end of file [${this.path}] reached`);
        return line;
      }
      let i = 0;
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      line += b.toString('latin1', 0, i);
      if (i === b.length) continue;
      let end = i + 1;
      if (b[i] === 0x0d) {
        if (end < b.length) {
          if (b[end] === 0x0a) end++;
        } else {
          this.pos = start + end;
          const next = this.readBytes(1);
          if (next.length && next[0] !== 0x0a) this.pos--;
          return line;
        }
      }
      this.pos = start + end;
      return line;
    }
  }

  /**
   * Up to n characters (mode read) or bytes (readBinary, readWrite).
   * @throws Application error at the end of a text file, or in a writing mode.
   */
  read(n: number): string | Uint8Array {
    if (this.mode === 'write' || this.mode === 'append') this.notSupported('read');
    // never more than what is left of the file: fileRead(f, 1e9) does not allocate a gigabyte
    const want = Math.min(n, Math.max(0, fs.fstatSync(this.open()).size - this.pos));
    if (this.mode === 'read') {
      if (this.seekable) {
        const b = this.readBytes(want);
        if (b.length === 0) throw applicationError(`end of file [${this.path}] reached`);
        return new TextDecoder(this.charset).decode(b);
      }
      while (this.text.length < n && this.more());
      if (this.text === '') throw applicationError(`end of file [${this.path}] reached`);
      const out = this.text.slice(0, n);
      this.text = this.text.slice(out.length);
      return out;
    }
    const b = this.readBytes(want);
    if (b.length < n) this.eof = true;
    return new Uint8Array(b);
  }

  /** Whether the reads reached the end of the file (fileIsEOF); writing modes are never at the end. */
  isEndOfFile(): boolean {
    if (this.status !== 'open') return true;
    if (this.mode === 'read') {
      if (this.seekable) return this.pos >= fs.fstatSync(this.open()).size;
      while (this.text === '' && this.more());
      return this.text === '';
    }
    return this.eof;
  }

  /**
   * Moves the position to `pos` bytes from the start.
   * @throws Application error unless the file was opened seekable (or readWrite).
   */
  seek(pos: number): void {
    if (!this.positional()) throw applicationError('seek is only supported when you have set argument seekable of function fileOpen to true');
    this.open();
    this.pos = Math.max(0, Math.trunc(pos));
  }

  /** Skips n bytes (positional modes and readBinary) or n characters (read). */
  skip(n: number): void {
    if (this.positional() || this.mode === 'readBinary') {
      this.open();
      this.pos += Math.max(0, Math.trunc(n));
      return;
    }
    if (this.mode === 'read') {
      this.read(Math.max(1, Math.trunc(n)));
      return;
    }
    throw applicationError('skip is only supported when you have set argument seekable of function fileOpen to true');
  }

  /** Writes what is buffered and releases the file; closing twice does nothing. */
  close(): void {
    if (this.status === 'close') return;
    try {
      this.flush();
    } finally {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
      this.status = 'close';
      this.refresh();
    }
  }

  override toString(): string {
    return this.path;
  }
}

/** Runs a file object operation, naming the function in Node's I/O errors. */
export const onFile = <T>(fn: string, f: FileObject, run: () => T): T => io(fn, f.path, run);

/** fileRead(fileObject, n): the next n characters (or bytes, in binary modes). */
export function readFromObject(f: FileObject, size: unknown): string | Uint8Array {
  const n = Number(toStr(simple(size)));
  if (!Number.isInteger(n) || n < 1) throw expressionError(`invalid argument [bufferSize] for function [fileRead]: [${toStr(simple(size))}] is not a positive whole number`);
  return onFile('fileRead', f, () => f.read(n));
}

/** fileWrite/fileAppend(fileObject, data): writes a string (in the object's charset) or binary data. */
export function writeToObject(fn: string, f: FileObject, data: unknown): null {
  const d = simple(data);
  onFile(fn, f, () => f.write(d instanceof Uint8Array ? d : toStr(d)));
  return null;
}
