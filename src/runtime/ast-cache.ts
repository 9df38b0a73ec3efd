import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { Template } from '../parser/ast.js';

/**
 * Parsed templates on disk, keyed by a hash of the engine version, the tag set, the path and the
 * source. A CLI run whose pages were parsed before skips building the lexer and parser, which is
 * most of a cold start. Everything is written inside `dir` only, atomically (temp file + rename).
 */
export class AstCache {
  constructor(
    private readonly dir: string,
    private readonly salt: string,
  ) {}

  private file(absPath: string, source: string): string {
    const h = createHash('sha1').update(this.salt).update('\0').update(absPath).update('\0').update(source).digest('hex');
    return path.join(this.dir, h + '.json');
  }

  get(absPath: string, source: string): Template | undefined {
    try {
      const t = JSON.parse(fs.readFileSync(this.file(absPath, source), 'utf8')) as Template;
      return t.file === absPath ? { ...t, source } : undefined;
    } catch {
      return undefined;
    }
  }

  set(absPath: string, source: string, t: Template): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const target = this.file(absPath, source);
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ ...t, source: '' }));
      fs.renameSync(tmp, target);
    } catch {
      // a cache that cannot be written only costs speed
    }
  }
}
