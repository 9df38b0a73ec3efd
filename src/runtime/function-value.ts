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
