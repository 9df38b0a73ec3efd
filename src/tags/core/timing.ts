/**
 * Tags that time or bound their body, as Lucee's:
 * - `<cftimer label type unit variable>`: runs the body and reports how long it took in `unit`
 *   (milli by default, nano, micro, second): type `inline` writes "label: 12ms", `outline` wraps
 *   the body's output in a fieldset with that legend, `comment` writes it as an HTML comment,
 *   `console` logs it; `debug` (the default) reports nothing here (there is no debug output).
 *   `variable` receives the number. The label is HTML-escaped (Lucee writes it raw).
 * - `<cfstopwatch label variable>`: the milliseconds the body took, in `variable`, or written as a
 *   small table when there is no variable.
 * - `<cftimeout timespan onTimeout onError forceStop>`: the body may run `timespan` seconds (or a
 *   createTimeSpan value). Past it the body stops at its next loop step, function call or sleep
 *   (the engine's request-deadline checks) and onTimeout(timespan) runs, or without it an error
 *   "a timeout occurred within the tag timeout". An error in the body goes to onError(cfcatch),
 *   or on. Unlike Lucee there is no thread: a timed-out body is always stopped (as forceStop=true),
 *   nothing keeps running unseen.
 */
import { defineTag, Signal, type TagCall } from '../types.js';
import { andThen, tryCatch, tryFinally } from '../../runtime/maybe.js';
import { simple, toNum, toStr } from '../../runtime/cast.js';
import { CfmlError, ControlSignal, applicationError } from '../../runtime/errors.js';
import { CfFunction } from '../../runtime/function-value.js';
import { callFunction } from '../../runtime/udf-call.js';
import { cfcatchStruct } from '../../runtime/exceptions.js';

/** Escapes the characters that would start markup (as htmlEditFormat). */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Unit = { desc: string; now: () => number };
const nanoNow = () => Number(process.hrtime.bigint());
const UNITS: Record<string, Unit> = {
  nano: { desc: 'ns', now: nanoNow },
  micro: { desc: 'us', now: () => Math.floor(nanoNow() / 1000) },
  milli: { desc: 'ms', now: () => Date.now() },
  second: { desc: 's', now: () => Math.floor(Date.now() / 1000) },
};

/** Lucee reads the unit by its first letter (n, m, s) and "micro" in full. */
function unitOf(call: TagCall): Unit {
  const u = toStr(call.attrs.unit ?? '').trim().toLowerCase();
  if (u === '') return UNITS.milli!;
  if (u === 'micro') return UNITS.micro!;
  const byLetter: Record<string, Unit> = { n: UNITS.nano!, m: UNITS.milli!, s: UNITS.second! };
  const unit = byLetter[u[0]!];
  if (!unit) throw call.error(`Tag [timer] has an invalid value [${u}] for attribute [unit], valid values are [nano, micro, milli, second]`);
  return unit;
}

const TIMER_TYPES = ['comment', 'console', 'debug', 'inline', 'outline'];

export const timerTag = defineTag({
  name: 'timer',
  body: 'required',
  attrs: [{ name: 'label' }, { name: 'type' }, { name: 'unit' }, { name: 'variable' }],
  run(call) {
    const type = toStr(call.attrs.type ?? 'debug').trim().toLowerCase();
    if (!TIMER_TYPES.includes(type)) throw call.error(`Tag [timer] has an invalid value [${type}] for attribute [type], valid values are [${TIMER_TYPES.join(', ')}]`);
    const unit = unitOf(call);
    const label = toStr(call.attrs.label ?? '');
    const start = unit.now();
    if (type === 'outline') call.write('<fieldset class="cftimer">');
    return andThen(call.body(), (signal) => {
      const took = unit.now() - start;
      const variable = toStr(call.attrs.variable ?? '').trim();
      if (variable) call.setVariable(variable, took);
      const text = `${label}: ${took}${unit.desc}`;
      if (type === 'inline') call.write(escapeHtml(text));
      else if (type === 'outline') call.write(`<legend align="top">${escapeHtml(text)}</legend></fieldset>`);
      else if (type === 'comment') call.write(`<!-- ${escapeHtml(text).replace(/--/g, '- -')} -->`);
      else if (type === 'console') call.ctx.engine.log(`${label || 'CFTimer'}: ${took}${unit.desc} from template: ${call.ctx.template.file}`);
      return signal;
    });
  },
});

export const stopwatchTag = defineTag({
  name: 'stopwatch',
  body: 'required',
  attrs: [{ name: 'label' }, { name: 'variable' }],
  run(call) {
    const start = Date.now();
    return andThen(call.body(), (signal) => {
      const took = Date.now() - start;
      const variable = toStr(call.attrs.variable ?? '').trim();
      if (variable) call.setVariable(variable, took);
      else call.write(`<table class="cfstopwatch"><tr><td>${escapeHtml(toStr(call.attrs.label ?? 'Stopwatch'))}</td><td>${took}</td></tr></table>`);
      return signal;
    });
  },
});

/** A listener attribute: a function value, or nothing. */
function listener(call: TagCall, name: string): CfFunction | undefined {
  const v = simple(call.attrs[name.toLowerCase()]);
  if (v === undefined || v === null || v === '') return undefined;
  if (!(v instanceof CfFunction)) throw call.error(`attribute [${name}] of tag [timeout] must be a function`);
  return v;
}

const DAY_MS = 86_400_000;

export const timeoutTag = defineTag({
  name: 'timeout',
  body: 'required',
  attrs: [{ name: 'timespan', required: true }, { name: 'ontimeout' }, { name: 'onerror' }, { name: 'forcestop' }],
  run(call) {
    const ctx = call.ctx;
    const seconds = toNum(call.attrs.timespan);
    if (!(seconds >= 0)) throw call.error(`attribute [timespan] of tag [timeout] must be a number of seconds, not [${toStr(call.attrs.timespan)}]`);
    const ms = Math.round(seconds * 1000);
    const onTimeout = listener(call, 'onTimeout');
    const onError = listener(call, 'onError');
    const outer = ctx.deadline;
    const inner = ms > 0 ? Date.now() + ms : Infinity;
    const bounded = inner < outer;
    if (bounded) ctx.deadline = inner;
    const body = () => tryFinally(() => call.body(), () => void (ctx.deadline = outer));
    return tryCatch(body, (e): ReturnType<typeof body> => {
      if (e instanceof ControlSignal || !(e instanceof CfmlError)) throw e;
      // our deadline passed (not the request's own)
      if (bounded && e.type === 'RequestTimeout' && Date.now() <= outer) {
        if (!onTimeout) throw applicationError('a timeout occurred within the tag timeout', { detail: `timeout is set to ${ms} ms` });
        return andThen(callFunction(ctx, onTimeout, [ms / DAY_MS], undefined, call.node.loc), () => Signal.Normal);
      }
      if (e.type === 'RequestTimeout' || !onError) throw e;
      return andThen(callFunction(ctx, onError, [cfcatchStruct(e)], undefined, call.node.loc), () => Signal.Normal);
    });
  },
});
