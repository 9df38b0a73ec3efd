/**
 * `<cfhtmlhead>` and `<cfhtmlbody>`: text collected during the request and put into the page
 * output when the render ends, as Lucee does (HtmlHeadBodyBase / CFMLWriterImpl):
 * - cfhtmlhead: before the first `</head>` (case-insensitive); else right after `<head>`; else at
 *   the start of the output. (Lucee inserts one character past `<head>`, splitting the next tag;
 *   we insert directly after it.)
 * - cfhtmlbody: before the first `</body>`, else at the end.
 * Actions: append (default), write (replaces), reset, read (into `variable`, default
 * `cfhtmlhead`/`cfhtmlbody`), flush (writes the collected text here and clears it). The text is
 * `text=` followed by the tag's body. `id=` adds a text only once per request.
 */
import { defineTag, Signal, type TagCall, type TagDef } from '../types.js';
import { andThen } from '../../runtime/maybe.js';
import { toStr } from '../../runtime/cast.js';
import type { Ctx } from '../../runtime/context.js';

interface Collected {
  text: string | null;
  ids: Set<string>;
}

type Where = 'head' | 'body';
const state = new WeakMap<Ctx, Record<Where, Collected>>();

function collected(ctx: Ctx, where: Where): Collected {
  let s = state.get(ctx);
  if (!s) {
    s = { head: { text: null, ids: new Set() }, body: { text: null, ids: new Set() } };
    state.set(ctx, s);
    // runs before the engine builds the render's result from ctx.out
    ctx.onEnd(() => {
      ctx.out = insertCollected(ctx.out, s!.head.text, s!.body.text);
    });
    // With <cfflush> (a streaming host sets Ctx.flushHook) the head goes into the first chunk
    // sent, as Lucee's writer does when it flushes; read loosely so this works with and without it.
    const streaming = ctx as { flushHook?: (chunk: string) => void };
    const send = streaming.flushHook;
    if (send) {
      streaming.flushHook = (chunk) => {
        if (s!.head.text) chunk = insertCollected(chunk, s!.head.text, null);
        s!.head.text = null;
        send(chunk);
      };
    }
  }
  return s[where];
}

/**
 * Puts the collected head text before `</head>` (else after `<head>`, else first) and the body text
 * before `</body>` (else last).
 */
export function insertCollected(out: string, head: string | null, body: string | null): string {
  if (head) {
    const lower = out.toLowerCase();
    let i = lower.indexOf('</head>');
    if (i < 0) {
      const open = lower.indexOf('<head>');
      i = open < 0 ? 0 : open + 6;
    }
    out = out.slice(0, i) + head + out.slice(i);
  }
  if (body) {
    const i = out.toLowerCase().indexOf('</body>');
    out = i < 0 ? out + body : out.slice(0, i) + body + out.slice(i);
  }
  return out;
}

function makeTag(where: Where): TagDef {
  const tagName = where === 'head' ? 'htmlhead' : 'htmlbody';
  return defineTag({
    name: tagName,
    body: 'optional',
    attrs: [
      { name: 'text' },
      { name: 'action', values: ['append', 'read', 'reset', 'write', 'flush'] },
      { name: 'variable' },
      { name: 'id' },
      { name: 'force', type: 'boolean' },
    ],
    run(call: TagCall) {
      const text = call.node.body ? andThen(call.capture(), (b) => (call.attrs.text === undefined ? '' : toStr(call.attrs.text)) + b) : call.attrs.text === undefined ? undefined : toStr(call.attrs.text);
      return andThen(text, (t) => act(call, where, tagName, t));
    },
  });
}

function act(call: TagCall, where: Where, tagName: string, text: string | undefined): Signal {
  const c = collected(call.ctx, where);
  const action = (call.attrs.action as string | undefined) ?? 'append';
  const needText = () => {
    if (text === undefined) throw call.error(`the attribute [text] is required for the tag [cf${tagName}] with action [${action}]`, { type: 'Application' });
    return text;
  };
  const firstTime = () => {
    const id = call.attrs.id === undefined ? '' : toStr(call.attrs.id).toLowerCase();
    if (!id) return true;
    if (c.ids.has(id)) return false;
    c.ids.add(id);
    return true;
  };
  // Lucee: "Page is already flushed". Once <cfflush> has sent output the head may be gone.
  // (Ctx.flushed comes with cfflush; read loosely so this file works with and without it.)
  if (where === 'head' && action !== 'read' && (call.ctx as { flushed?: boolean }).flushed === true) {
    throw call.error('cfhtmlhead cannot be used after the response has been flushed', { detail: 'cfflush has already sent the start of the page; call cfhtmlhead before the first cfflush' });
  }
  switch (action) {
    case 'append': {
      const t = needText();
      if (firstTime()) c.text = (c.text ?? '') + t;
      break;
    }
    case 'write': {
      const t = needText();
      c.ids.clear();
      if (firstTime()) c.text = t;
      break;
    }
    case 'reset':
      c.ids.clear();
      c.text = null;
      break;
    case 'read':
      call.setVariable(call.attrs.variable === undefined || call.attrs.variable === '' ? `cf${tagName}` : toStr(call.attrs.variable), c.text ?? '');
      break;
    case 'flush':
      call.write(c.text ?? '');
      c.text = null;
      break;
  }
  return Signal.Normal;
}

export const htmlheadTag = makeTag('head');
export const htmlbodyTag = makeTag('body');
