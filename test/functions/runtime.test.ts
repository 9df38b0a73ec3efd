import { describe, expect, it } from 'vitest';
import { fn, makeCtx, registry, jsFn } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/index.js';
import { CfmlError } from '../../src/runtime/errors.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query } from '../../src/runtime/query.js';

function call(ctx: ReturnType<typeof makeCtx>, name: string, ...args: unknown[]) {
  return invokeBuiltin(registry.get(name)!, ctx, args);
}

/** A context whose evaluate understands a few literal forms, enough to see what reaches it. */
function evalCtx() {
  const ctx = makeCtx();
  const seen: string[] = [];
  ctx.evaluate = (expr: string) => {
    seen.push(expr);
    const q = /^"((?:[^"]|"")*)"$/.exec(expr);
    if (q) return q[1]!.replace(/""/g, '"');
    if (/^\d+$/.test(expr)) return Number(expr);
    return ctx.variables.get(expr);
  };
  return { ctx, seen };
}

describe('output', () => {
  it('writeOutput writes and can encode', () => {
    const ctx = makeCtx();
    expect(call(ctx, 'writeOutput', 'Hello ')).toBe(true);
    call(ctx, 'writeOutput', 'Pete', 'html');
    call(ctx, 'writeOutput', '<b>&"', 'html');
    expect(ctx.output).toBe('Hello Pete&lt;b&gt;&amp;&quot;');
    const c2 = makeCtx();
    call(c2, 'writeOutput', 'a b&c', 'url');
    expect(c2.output).toBe('a+b%26c');
    expect(() => call(makeCtx(), 'writeOutput', 'x', 'klingon')).toThrow(/encodeFor/);
  });
  it('writeDump and dump pass label and top to the context', () => {
    const ctx = makeCtx();
    let got: unknown[] = [];
    ctx.dump = (v, o) => {
      got = [v, o];
    };
    invokeBuiltin(registry.get('writeDump')!, ctx, [], new Map<string, unknown>([['var', 'x'], ['label', 'L'], ['top', 3]]));
    expect(got).toEqual(['x', { label: 'L', top: 3 }]);
    call(ctx, 'dump', [1]);
    expect(got).toEqual([[1], {}]);
  });
  it('writeLog goes to the context log', () => {
    const ctx = makeCtx();
    const lines: unknown[] = [];
    ctx.log = (t, o) => lines.push([t, o]);
    call(ctx, 'writeLog', 'hello', 'warning', true, 'mylog');
    expect(lines).toEqual([['hello', { type: 'warning', file: 'mylog' }]]);
    expect(() => call(ctx, 'writeLog', 'x', 'loud')).toThrow(/log type/);
  });
});

describe('throw', () => {
  it('throws a custom CfmlError with all fields', () => {
    try {
      fn('throw', 'Boom', 'My.Error', 'the detail', 'E42', 'more');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CfmlError);
      const err = e as CfmlError;
      expect(err.message).toBe('Boom');
      expect(err.type).toBe('My.Error');
      expect(err.detail).toBe('the detail');
      expect(err.errorCode).toBe('E42');
      expect(err.extendedInfo).toBe('more');
      expect(err.custom).toBe(true);
    }
  });
  it('defaults to type Application and accepts an object struct', () => {
    expect(() => fn('throw', 'x')).toThrow(expect.objectContaining({ type: 'Application', custom: true }));
    const obj = Struct.from({ message: 'from struct', type: 'Custom', detail: 'd' });
    expect(() => fn('throw', undefined, undefined, undefined, undefined, undefined, obj)).toThrow(
      expect.objectContaining({ message: 'from struct', type: 'Custom', detail: 'd' }),
    );
  });
});

describe('dynamic evaluation', () => {
  it('de doubles inner quotes', () => {
    expect(fn('de', 'pete')).toBe('"pete"');
    expect(fn('de', 'say "hi"')).toBe('"say ""hi"""');
    expect(fn('de', '')).toBe('""');
  });
  it('evaluate is variadic and returns the last value', () => {
    const { ctx, seen } = evalCtx();
    ctx.variables.set('a', 7);
    expect(call(ctx, 'evaluate', '"x"', 'a')).toBe(7);
    expect(seen).toEqual(['"x"', 'a']);
    expect(call(ctx, 'evaluate', 5)).toBe(5);
  });
  it('iif evaluates only the chosen branch', () => {
    const { ctx, seen } = evalCtx();
    expect(call(ctx, 'iif', false, fn('de', 'Running Bacon OS'), fn('de', 'Not Running Bacon OS'))).toBe('Not Running Bacon OS');
    expect(seen).toEqual(['"Not Running Bacon OS"']);
    expect(call(ctx, 'iif', 'yes', '1', '2')).toBe(1);
    expect(() => call(ctx, 'iif', 'maybe', '1', '2')).toThrow();
  });
  it('setVariable and getVariable', () => {
    const ctx = makeCtx();
    ctx.variables.set('a', 1);
    expect(call(ctx, 'setVariable', 'a', 2)).toBe(2);
    expect(call(ctx, 'getVariable', 'a')).toBe(2);
    expect(() => call(ctx, 'getVariable', 'nope')).toThrow(/doesn't exist/);
  });
});

describe('sleep, createObject, getMetadata', () => {
  it('sleep blocks for about the duration', () => {
    const t = Date.now();
    fn('sleep', 50);
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);
    expect(() => fn('sleep', -1)).toThrow(/negative/);
  });
  it('createObject explains what is missing', () => {
    // (components themselves are tested through pages: test/golden/components)
    expect(() => fn('createObject', 'component', 'models.User')).toThrow(/component \[models\.User\]/);
    expect(() => fn('createObject', 'models.User')).toThrow(/component \[models\.User\]/);
    expect(() => fn('createObject', 'java', 'java.lang.Math')).toThrow(/java\.lang\.Math/);
    expect(() => fn('createObject', 'webservice', 'http://x')).toThrow(/not supported/);
  });
  it('getMetadata describes values', () => {
    const f = jsFn((a: unknown, b: unknown) => [a, b]);
    const m = fn('getMetadata', f) as Struct;
    expect(m.get('name')).toBe('closure');
    expect((m.get('parameters') as Struct[]).map((p) => p.get('name'))).toEqual(['arg1', 'arg2']);
    const q = new Query(['id', 'name'], ['integer', 'varchar']);
    expect((fn('getMetadata', q) as Struct[]).map((c) => [c.get('name'), c.get('typeName')])).toEqual([
      ['id', 'INTEGER'],
      ['name', 'VARCHAR'],
    ]);
    expect((fn('getMetadata', 'x') as Struct).get('name')).toBe('java.lang.String');
  });
});
