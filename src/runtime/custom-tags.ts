/**
 * Custom tags as Lucee runs them (`<cf_name>`, `<cfmodule>`, `<prefix:name>` after cfimport):
 * where the template is found, and one call of it with its attributes, caller and thisTag.
 */
import * as path from 'node:path';
import { Signal, type Exec, type MaybePromise } from './exec.js';
import type { Ctx } from './context.js';
import type { CompiledTemplate } from './compiler.js';
import { runTemplate } from './compiler.js';
import { addFrame } from './udf-call.js';
import { CfmlError, ControlSignal, ErrorCode, type SourceLoc } from './errors.js';
import { andThen, driveLoop, tryCatch, tryFinally } from './maybe.js';
import { Struct } from './struct.js';
import { CallerScope } from './caller-scope.js';
import { toStr } from './cast.js';
import type { ComponentInstance } from './components/instance.js';

/** One running custom tag. */
export interface CustomTagFrame {
  /** As getBaseTagList shows it: `CF_LAYOUT`, `CFMODULE`, `UI:BOX`. */
  readonly name: string;
  /** Lower-case name getBaseTagData and cfassociate match (`layout` for cf_layout, `ui:box`). */
  readonly key: string;
  /** The tag's own variables scope (what getBaseTagData returns). */
  readonly variables: Struct;
  readonly thisTag: Struct;
  readonly attributes: Struct;
  /** The instance of a CFC-based custom tag (whose `this` is its thisTag), see cfc-custom-tags.ts. */
  readonly component?: ComponentInstance;
}

/** cfexit inside a custom tag's template: ends the current execution mode. */
export class ExitTagSignal extends ControlSignal {
  constructor(readonly method: 'exittag' | 'exittemplate' | 'loop') {
    super();
  }
}

/**
 * Where `<cf_name>` / `<cfmodule name=>` look, in order: the calling template's directory (where the tag is written), the
 * application's `this.customTagPaths` (ctx.customTagPaths), the Engine option customTagPaths.
 */
export function customTagDirs(ctx: Ctx, callingDir: string): string[] {
  return [...new Set([callingDir, ...ctx.customTagPaths, ...ctx.engine.customTagPaths])];
}

/** The extensions a custom tag file may have, in Lucee's order: a component before a template. */
export const CUSTOM_TAG_EXTENSIONS = ['.cfc', '.cfm', '.cfml'] as const;

/**
 * Finds `rel` + `.cfc`, `.cfm` or `.cfml` (the name as written, then lower-case) in the directories
 * `dirs`, in that order per directory, as Lucee's custom tag lookup (component extensions first, so
 * `name.cfc` beside `name.cfm` is the CFC-based tag).
 * @param rel a relative path without extension (`layout`, `forms/input` for cfmodule name="forms.input")
 * @param shown the tag as the page wrote it, for the error
 * @returns the absolute path of the file found
 * @throws CfmlError of type MissingInclude naming every file it tried
 */
export function findCustomTag(ctx: Ctx, dirs: readonly string[], rel: string, shown: string, loc: SourceLoc): string {
  const names = [...new Set([rel, rel.toLowerCase()])];
  const tried: string[] = [];
  for (const dir of dirs) {
    for (const ext of CUSTOM_TAG_EXTENSIONS) {
      for (const n of names) {
        const file = path.join(dir, n + ext);
        tried.push(file);
        if (ctx.engine.inspector.isFile(file, ctx.inspected)) return file;
      }
    }
  }
  const shownNames = names.map((n) => `${n}.[${CUSTOM_TAG_EXTENSIONS.map((e) => e.slice(1)).join('|')}]`);
  throw new CfmlError(`Custom tag [${shown}] not found: looked for [${shownNames.join(', ')}] in [${dirs.join(', ')}]`, {
    type: 'MissingInclude',
    code: ErrorCode.MissingCustomTag,
    loc,
    detail: `tried ${tried.join(', ')}; custom tags are looked up in the calling template's directory, then the application's this.customTagPaths, then the Engine option customTagPaths`,
  });
}

export interface CustomTagCall {
  name: string;
  key: string;
  template: CompiledTemplate;
  attributes: Struct;
  /** The tag's body, run in the caller's scopes (undefined: none, as in `<cf_x/>`). */
  body: Exec | undefined;
  /** `<cf_x/>`, `<cf_x></cf_x>` and script calls with a block have an end tag. */
  hasEndTag: boolean;
  loc: SourceLoc;
}

/**
 * Runs a custom tag, as Lucee does:
 * - the template runs in start mode with its own variables scope holding `attributes`, `caller`
 *   (the calling page's variables, see CallerScope) and `thisTag` (executionMode, hasEndTag,
 *   generatedContent); `request`, url and form are shared with the page;
 * - with an end tag, the body then runs in the caller's scopes (executionMode `inactive`), its output captured as
 *   `thisTag.generatedContent`, and the template runs again in end mode with the same variables;
 *   the page gets generatedContent (as the end mode left it) followed by the end mode's output;
 * - `<cfexit method="exitTag">` ends the call (in start mode the body and end mode are skipped),
 *   `exitTemplate` ends the current mode (in start mode the body runs next), `loop` in end
 *   mode runs the body and the end mode again.
 */
export function runCustomTag(ctx: Ctx, call: CustomTagCall): MaybePromise<Signal> {
  const thisTag = new Struct();
  thisTag.set('executionMode', 'start');
  thisTag.set('hasEndTag', call.hasEndTag);
  thisTag.set('generatedContent', '');
  const variables = new Struct();
  variables.set('attributes', call.attributes);
  variables.set('caller', new CallerScope(ctx, ctx.variables, ctx.frame));
  variables.set('thisTag', thisTag);
  const frame: CustomTagFrame = { name: call.name, key: call.key, variables, thisTag, attributes: call.attributes };

  const runMode = (mode: 'start' | 'end'): MaybePromise<string> => {
    thisTag.set('executionMode', mode);
    const saved = { variables: ctx.variables, frame: ctx.frame, queries: ctx.queries, template: ctx.template, tagTemplate: ctx.tagTemplate };
    ctx.variables = variables;
    ctx.frame = null;
    ctx.queries = [];
    ctx.template = call.template;
    ctx.tagTemplate = frame;
    ctx.callStack.push({ template: call.loc.file, line: call.loc.line, column: call.loc.col, id: call.name });
    const restore = () => {
      Object.assign(ctx, saved);
      ctx.callStack.pop();
    };
    const ran = tryCatch(
      () => andThen(tryFinally(() => runTemplate(ctx, call.template), restore), () => 'normal'),
      (e) => {
        if (e instanceof ExitTagSignal) return e.method;
        throw addFrame(e, call.loc, call.name.toLowerCase());
      },
    );
    return ran;
  };

  // `<cf_x/>`: the end mode runs right after the start mode, with nothing generated
  const body = call.body ?? (() => Signal.Normal);
  // the body then the end mode, again while the end mode ends with <cfexit method="loop">
  const onePass = (): MaybePromise<string> => {
    // what getBaseTagData(...).thisTag shows to the tags in the body
    thisTag.set('executionMode', 'inactive');
    return andThen(captureOutput(ctx, () => body(ctx)), (content) => {
      thisTag.set('generatedContent', content);
      let exit = 'normal';
      const endOut = captureOutput(ctx, () => andThen(runMode('end'), (m) => void (exit = m)));
      return andThen(endOut, (out) => {
        ctx.write(toStr(thisTag.get('generatedContent') ?? '') + out);
        thisTag.set('generatedContent', '');
        return exit;
      });
    });
  };
  const endPhase = (): MaybePromise<Signal> => {
    let again = true;
    return driveLoop(
      ctx,
      call.loc,
      () => again,
      () => andThen(onePass(), (exit) => ((again = exit === 'loop'), Signal.Normal)),
    );
  };

  ctx.customTags.push(frame);
  return tryFinally(
    () =>
      andThen(runMode('start'), (exit) => {
        if (exit === 'exittag' || !call.hasEndTag) return Signal.Normal;
        return endPhase();
      }),
    () => ctx.customTags.pop(),
  );
}

/** Runs fn with the page output going to a string instead; resolves to what it wrote. */
export function captureOutput(ctx: Ctx, fn: () => MaybePromise<unknown>): MaybePromise<string> {
  const saved = ctx.out;
  ctx.out = '';
  ctx.captureDepth++;
  let text = '';
  return andThen(
    tryFinally(fn, () => {
      text = ctx.out;
      ctx.out = saved;
      ctx.captureDepth--;
    }),
    () => text,
  );
}

/** The custom tags around the running code, innermost first; within a tag's template, the tag itself first. */
export function baseTags(ctx: Ctx): CustomTagFrame[] {
  return [...ctx.customTags].reverse();
}

/**
 * The nearest enclosing custom tag named `name` (`cf_outer`, `outer`, `ui:box`, `cfmodule`), skipping the
 * tag whose template is running (getBaseTagData, cfassociate look at ancestors).
 * @param instance 1 for the nearest one of that name, 2 for the one above it...
 */
export function findBaseTag(ctx: Ctx, name: string, instance = 1): CustomTagFrame | undefined {
  const lower = name.toLowerCase();
  const key = lower.startsWith('cf_') ? lower.slice(3) : lower;
  let n = 0;
  for (const f of baseTags(ctx)) {
    if (f === ctx.tagTemplate) continue;
    // `cfmodule` names any tag called through cfmodule
    if ((f.key === key || f.name.toLowerCase() === lower) && ++n >= instance) return f;
  }
  return undefined;
}
