/**
 * A function as a CFML value (UDF, closure, arrow function). The evaluator subclasses it; the
 * function library only needs to know that it can be called through FnContext.call.
 */
export abstract class CfFunction {
  abstract readonly name: string;
  abstract readonly isClosure: boolean;
  /** Parameter names, lower-cased, for named-argument mapping and metadata. */
  abstract readonly paramNames: string[];
}

/**
 * A built-in method as a CFML function value: a struct holding it answers member calls
 * (`future.get()`, `getPageContext().getOut().clearBuffer()`). Arguments are passed positionally.
 */
export class NativeMethod extends CfFunction {
  readonly isClosure = false;
  readonly paramNames: string[] = [];
  constructor(
    readonly name: string,
    readonly fn: (...args: unknown[]) => unknown,
  ) {
    super();
  }
}
