/**
 * callStackGet(type="array", offset=0, maxFrames=0) and getFunctionCalledName(), as Lucee's: the
 * frames of the running request, innermost first, each a struct of `function` (the function the
 * frame runs in, "" for the page), `template` and `lineNumber` (where that frame is now: the
 * call of callStackGet for the first, the call of the next inner function for the others).
 * Types: array, json, text/string ("template.function():line; ..."), html (a list).
 * getFunctionCalledName gives the name of the function running (its declared name: the variable
 * a function value was called through is not kept).
 */
import type { FnContext, FunctionDef } from './types.js';
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import { serialize } from './json.js';
import { encodeHtml } from './encoding-escape.js';

/** The request's frames, innermost first. */
export function callStackFrames(ctx: FnContext): Struct[] {
  const stack = ctx.ctx?.callStack ?? [];
  const frames: Struct[] = [];
  let template = ctx.loc?.file ?? ctx.templatePath;
  let line = ctx.loc?.line ?? 0;
  for (let i = stack.length - 1; i >= -1; i--) {
    const s = new Struct();
    s.set('function', i >= 0 ? (stack[i]!.id ?? '') : '');
    s.set('template', template);
    s.set('lineNumber', line);
    frames.push(s);
    if (i >= 0) {
      template = stack[i]!.template;
      line = stack[i]!.line;
    }
  }
  return frames;
}

const frameText = (f: Struct) => `${f.get('template')}${f.get('function') ? `.${f.get('function')}()` : ''}:${f.get('lineNumber')}`;

export const callStackFunctions: FunctionDef[] = [
  {
    name: 'callStackGet',
    params: [{ name: 'type', type: 'string', default: 'array' }, { name: 'offset', type: 'numeric', default: 0 }, { name: 'maxFrames', type: 'numeric', default: 0 }],
    impl: (ctx, type: string, offset: number, maxFrames: number) => {
      let frames = callStackFrames(ctx);
      const from = Math.max(0, Math.trunc(offset));
      const max = Math.trunc(maxFrames);
      frames = frames.slice(from, max > 0 ? from + max : undefined);
      switch (type.trim().toLowerCase()) {
        case 'array':
          return frames;
        case 'json':
          return serialize(frames);
        case 'text':
        case 'string':
          return frames.map(frameText).join('; ');
        case 'html':
          return `<ul class='-lucee-array'>${frames.map((f) => `<li>${encodeHtml(frameText(f))}</li>`).join('')}</ul>`;
      }
      throw expressionError(`invalid argument [type] for function [callStackGet]: [${type}] is not valid, valid types are [array, text, html, json]`);
    },
  },
  {
    name: 'getFunctionCalledName',
    params: [],
    impl: (ctx) => {
      const stack = ctx.ctx?.callStack ?? [];
      return stack.length ? (stack[stack.length - 1]!.id ?? '') : '';
    },
  },
];
