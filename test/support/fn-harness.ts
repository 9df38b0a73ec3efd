/**
 * Calls built-in functions without a template, for the unit tests of the function library.
 * The FnContext here is a fake: output goes to a buffer, variables to a plain struct.
 */
import { builtinFunctions, FunctionRegistry, invokeBuiltin } from '../../src/runtime/functions/index.js';
import type { FnContext, MemberReceiver } from '../../src/runtime/functions/types.js';
import { CfFunction } from '../../src/runtime/function-value.js';
import { Struct } from '../../src/runtime/struct.js';

export class JsFunction extends CfFunction {
  readonly isClosure = true;
  readonly paramNames: string[];
  constructor(
    readonly fn: (...args: any[]) => unknown,
    readonly name = 'closure',
  ) {
    super();
    this.paramNames = Array.from({ length: fn.length }, (_, i) => `arg${i + 1}`);
  }
}

export const jsFn = (fn: (...args: any[]) => unknown) => new JsFunction(fn);

export const registry = new FunctionRegistry();
registry.registerAll(builtinFunctions);

export function makeCtx(): FnContext & { output: string; variables: Struct } {
  const variables = new Struct();
  const ctx = {
    output: '',
    variables,
    call(fn: CfFunction, args: unknown[]) {
      if (fn instanceof JsFunction) return fn.fn(...args);
      throw new Error('fake context calls only JsFunction values');
    },
    write(text: string) {
      ctx.output += text;
    },
    checkTime() {},
    timeLeft: () => Infinity,
    timeoutError: () => new Error('the fake context has no time limit'),
    dump(value: unknown) {
      ctx.output += `[dump ${String(value)}]`;
    },
    evaluate(): unknown {
      throw new Error('evaluate needs the engine');
    },
    isDefined(name: string) {
      return variables.has(name);
    },
    getVariable(name: string) {
      return variables.get(name);
    },
    setVariable(name: string, value: unknown) {
      variables.set(name, value);
    },
    templatePath: '/tmp/page.cfm',
    baseTemplatePath: '/tmp/page.cfm',
    expandPath(p: string) {
      return p.startsWith('/') ? p : `/tmp/${p}`;
    },
    log() {},
    locals: new Map<string, unknown>(),
  };
  return ctx;
}

/** fn('listLen', 'a,b,c') -> 3 */
export function fn(name: string, ...args: unknown[]): unknown {
  const def = registry.get(name);
  if (!def) throw new Error(`no built-in function ${name}`);
  return invokeBuiltin(def, makeCtx(), args);
}

/** Named-argument call: named('listLen', { list: 'a,b' }) */
export function named(name: string, args: Record<string, unknown>): unknown {
  const def = registry.get(name);
  if (!def) throw new Error(`no built-in function ${name}`);
  return invokeBuiltin(def, makeCtx(), [], new Map(Object.entries(args).map(([k, v]) => [k.toLowerCase(), v])));
}

/** member('string', 'len', 'abc') -> 3; applies receiverArg and returnsReceiver like the runtime. */
export function member(type: MemberReceiver, method: string, receiver: unknown, ...args: unknown[]): unknown {
  const entry = registry.member(type, method.toLowerCase());
  if (!entry) throw new Error(`no member function ${type}.${method}`);
  const pos = entry.spec.receiverArg ?? 0;
  const full = args.slice();
  full.splice(pos, 0, receiver);
  const result = invokeBuiltin(entry.def, makeCtx(), full);
  return entry.spec.returnsReceiver ? receiver : result;
}
