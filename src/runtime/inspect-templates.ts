import * as fs from 'node:fs';
import { BoundedMap } from './bounded-map.js';

/**
 * When the engine looks at a template's file again after compiling it (Lucee's "inspect template"
 * setting, Settings > Performance):
 * - `always`: on every use (`<cfinclude>` in a loop stats the file every time); for development;
 * - `once`: at most once per render: the first use of a path in a render stats it, later uses in
 *   the same render trust that result; a file changed between renders is picked up by the next one;
 * - `never`: a file found once is trusted until the Engine is dropped (production; `cfml serve
 *   --production`). A path that was missing is looked for again in the next render, so new files
 *   are still found.
 */
export type InspectTemplates = 'always' | 'once' | 'never';

/** What the engine knows of a path: whether it is a file, and its modification time (ms) and size (bytes). */
export interface FileState {
  readonly isFile: boolean;
  readonly mtimeMs: number;
  readonly size: number;
}

const MISSING: FileState = Object.freeze({ isFile: false, mtimeMs: 0, size: 0 });

/** Paths whose state is remembered per Engine (the template cache's bound, with room for failed lookups). */
const STATES_MAX = 8192;

/**
 * The file-system look-ups of templates, components and custom tags, cached as the
 * InspectTemplates mode allows.
 */
export class TemplateInspector {
  private readonly states = new BoundedMap<string, FileState>(STATES_MAX);

  constructor(readonly mode: InspectTemplates) {}

  /**
   * The state of an absolute path (not a file, a directory or missing: `isFile` false).
   * @param seen the paths already inspected in the running render (Ctx.inspected); without it
   *   (outside a render) `once` looks at the file system every time
   */
  stat(abs: string, seen?: Set<string>): FileState {
    if (this.mode !== 'always') {
      const known = this.states.get(abs);
      if (known !== undefined && ((known.isFile && this.mode === 'never') || seen?.has(abs))) return known;
    }
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    const state: FileState = st && st.isFile() ? { isFile: true, mtimeMs: st.mtimeMs, size: st.size } : MISSING;
    if (this.mode !== 'always') {
      this.states.set(abs, state);
      seen?.add(abs);
    }
    return state;
  }

  /**
   * Forgets what was learnt of every path (Lucee's inspectTemplates() function): each template,
   * component and custom tag is looked at again on its next use, whatever the mode.
   */
  forget(): void {
    this.states.clear();
  }

  /** Whether an absolute path is a file now (as far as the mode lets the engine know). */
  isFile(abs: string, seen?: Set<string>): boolean {
    return this.stat(abs, seen).isFile;
  }
}

/** Parses the `inspectTemplates` option (also `--inspect-templates`). @throws Error for any other value. */
export function inspectTemplatesOf(v: unknown): InspectTemplates {
  if (v === 'always' || v === 'once' || v === 'never') return v;
  throw new Error(`inspectTemplates must be "always", "once" or "never", not ${JSON.stringify(v)}`);
}
