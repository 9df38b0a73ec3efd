/**
 * CFC-based custom tags, as Lucee runs them: `<cf_name>` (or cfmodule, or an imported `<p:name>`)
 * that finds `name.cfc` runs the component's event methods instead of a template:
 *
 * 1. a new instance (its pseudo-constructor runs); `variables.metadata` may declare the tag's
 *    attributes (`{attributetype: "fixed", attributes: {title: {required: true, type: "string", default: "x"}}}`),
 *    checked before any method runs, with Lucee's messages;
 * 2. `init(hasEndTag, parent)`: parent is the nearest enclosing CFC-based custom tag's instance;
 * 3. `onStartTag(attributes, caller)`: its result, cast to boolean (no result = true), says whether
 *    the body runs (when init exists but onStartTag does not, init's result decides the same way);
 * 4. with an end tag (`<cf_x>..</cf_x>` or `<cf_x/>`), the body runs in the caller's scopes and its
 *    output is captured; `onEndTag(attributes, caller, generatedContent)` then writes what the page
 *    gets (the captured body is not written unless onEndTag writes it) and returning true runs the
 *    body and onEndTag again; without onEndTag the body's output goes to the page as it is;
 * 5. an error in one of the phases goes to `onError(cfcatch, source)` (source `start`, `body` or
 *    `end`) when it exists: returning true rethrows, otherwise the tag ends there quietly;
 * 6. `onFinally()` runs last, after success or error.
 *
 * Inside the methods `this` is the tag's instance: it is what `cfassociate` of a nested tag appends
 * to (`this.AssocAttribs` or the datacollection named) and `getBaseTagData` returns its variables.
 */
import type { Ctx } from './context.js';
import { Signal, type Exec, type MaybePromise } from './exec.js';
import { CfmlError, ControlSignal, toCfmlError, type SourceLoc } from './errors.js';
import { andThen, driveLoop, tryCatch, tryFinally } from './maybe.js';
import { Struct } from './struct.js';
import { CallerScope } from './caller-scope.js';
import { cfcatchStruct } from './exceptions.js';
import { isBooleanLike, isStruct, toBool, toStr, typeName } from './cast.js';
import { checkType } from './types-check.js';
import { createInstance, hasMethod, invokeMethod, loadComponentFile, type ComponentInstance } from './components/api.js';
import type { CustomTagFrame } from './custom-tags.js';
import { captureOutput } from './custom-tags.js';

/** One call of a CFC-based custom tag. */
export interface CfcTagCall {
  /** As getBaseTagList shows it (`CF_GRID`). */
  name: string;
  /** What getBaseTagData and cfassociate match (`grid`). */
  key: string;
  /** Absolute path of the `.cfc`. */
  file: string;
  attributes: Struct;
  /** The tag's body, run in the caller's scopes (undefined: none). */
  body: Exec | undefined;
  hasEndTag: boolean;
  loc: SourceLoc;
}

type Phase = 'start' | 'body' | 'end';

/** A method's result as a boolean, `dflt` when it returned nothing or something that is not a boolean (as Lucee's Caster.toBooleanValue(rtn, dflt)). */
function resultFlag(v: unknown, dflt: boolean): boolean {
  return v !== undefined && v !== null && isBooleanLike(v) ? toBool(v) : dflt;
}

/**
 * Runs a CFC-based custom tag (see the file comment for the order of events).
 * @throws CfmlError from the component's loading, the attribute check, or a phase whose error
 *   onError did not absorb; control signals (cfabort, cflocation) pass through untouched
 */
export function runCfcCustomTag(ctx: Ctx, call: CfcTagCall): MaybePromise<Signal> {
  const cls = loadComponentFile(ctx.engine, call.file);
  const caller = new CallerScope(ctx, ctx.variables, ctx.frame);
  const parent = [...ctx.customTags].reverse().find((f) => f.component)?.component;
  return andThen(createInstance(ctx, cls, { loc: call.loc }), (inst) => {
    checkAttributes(inst, call);
    const frame: CustomTagFrame = { name: call.name, key: call.key, variables: inst.variables, thisTag: inst, attributes: call.attributes, component: inst };

    /** Calls an event method with the tag's frame as the running tag (so cfassociate inside it finds itself). */
    const invoke = (method: string, args: Record<string, unknown>): MaybePromise<unknown> => {
      const saved = ctx.tagTemplate;
      ctx.tagTemplate = frame;
      return tryFinally(
        () => invokeMethod(ctx, inst, method, args, call.loc),
        () => void (ctx.tagTemplate = saved),
      );
    };
    let failed = false;
    /** Runs one phase; an error goes to onError, which may absorb it (then the tag ends). */
    const phase = <T>(source: Phase, fn: () => MaybePromise<T>, absorbed: T): MaybePromise<T> =>
      tryCatch(fn, (e) => {
        if (e instanceof ControlSignal || !hasMethod(inst, 'onError')) throw e;
        const err = toCfmlError(e, call.loc);
        return andThen(invoke('onError', { cfcatch: cfcatchStruct(err), source }), (rethrow) => {
          if (resultFlag(rethrow, false)) throw err;
          failed = true;
          return absorbed;
        });
      });

    const start = (): MaybePromise<boolean> =>
      phase(
        'start',
        () => {
          let rtn: MaybePromise<unknown> = true;
          if (hasMethod(inst, 'init')) rtn = invoke('init', parent ? { hasEndTag: call.hasEndTag, parent } : { hasEndTag: call.hasEndTag });
          return andThen(rtn, (r) => {
            if (!hasMethod(inst, 'onStartTag')) return resultFlag(r, true);
            return andThen(invoke('onStartTag', { attributes: call.attributes, caller }), (s) => resultFlag(s, true));
          });
        },
        false,
      );

    /** The body, then onEndTag with what it wrote; true when onEndTag asks for another pass. */
    const onePass = (): MaybePromise<boolean> =>
      andThen(
        phase('body', () => captureOutput(ctx, () => (call.body ? call.body(ctx) : Signal.Normal)), undefined),
        (content) => {
          if (content === undefined) return false;
          if (!hasMethod(inst, 'onEndTag')) {
            ctx.write(content);
            return false;
          }
          return phase('end', () => andThen(invoke('onEndTag', { attributes: call.attributes, caller, generatedContent: content }), (r) => resultFlag(r, false)), false);
        },
      );

    const run = (): MaybePromise<Signal> =>
      andThen(start(), (exeBody) => {
        if (!exeBody || failed || !call.hasEndTag) return Signal.Normal;
        let again = true;
        return driveLoop(
          ctx,
          call.loc,
          () => again && !failed,
          () => andThen(onePass(), (more) => ((again = more), Signal.Normal)),
        );
      });

    ctx.customTags.push(frame);
    const finish = (): MaybePromise<unknown> => (hasMethod(inst, 'onFinally') ? invoke('onFinally', {}) : undefined);
    return tryFinally(
      () =>
        tryCatch(
          () => andThen(run(), (sig) => andThen(finish(), () => sig)),
          (e) => {
            // onFinally after an error too; the error wins over one from onFinally
            if (!hasMethod(inst, 'onFinally') || e instanceof ControlSignal) throw e;
            return andThen(
              tryCatch(finish, () => undefined),
              () => {
                throw e;
              },
            );
          },
        ),
      () => void ctx.customTags.pop(),
    );
  });
}

/**
 * The attribute declarations of `variables.metadata` (Lucee's CFC custom tag metadata): for each
 * declared attribute a missing value takes its `default`, else `required` is an error; a value must
 * be castable to its `type`; with `attributetype: "fixed"` undeclared attributes are an error.
 * @throws CfmlError (Application) with Lucee's wording
 */
function checkAttributes(inst: ComponentInstance, call: CfcTagCall): void {
  const meta = inst.variables.get('metadata');
  if (!isStruct(meta)) return;
  const decls = meta.get('attributes');
  if (!isStruct(decls)) return;
  const tagName = call.key.charAt(0).toUpperCase() + call.key.slice(1);
  const attrs = call.attributes;
  for (const [name, d] of decls.entries()) {
    const decl = isStruct(d) ? d : new Struct();
    let value = attrs.get(name);
    if (value === undefined && decl.get('default') !== undefined) attrs.set(name, (value = decl.get('default')));
    if (value === undefined) {
      if (resultFlag(decl.get('required'), false)) throw new CfmlError(`attribute [${name}] is required for tag [${tagName}]`, { type: 'Application', loc: call.loc });
      continue;
    }
    const type = toStr(decl.get('type') ?? 'any').toLowerCase();
    if (!checkType(value, type)) {
      const shown = typeof value === 'string' ? `String [${value}]` : `Object type [${typeName(value)}]`;
      throw new CfmlError(`can't cast ${shown} to a value of type [${type}]`, { type: 'Expression', loc: call.loc });
    }
  }
  if (toStr(meta.get('attributetype') ?? 'dynamic').toLowerCase() === 'fixed') {
    for (const k of attrs.keys()) {
      if (!decls.has(k)) throw new CfmlError(`attribute [${k}] is not supported for tag [${tagName}]`, { type: 'Application', loc: call.loc });
    }
  }
}
