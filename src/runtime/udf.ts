import type * as A from '../parser/ast.js';
import type { Eval, Exec } from './exec.js';
import { CfFunction } from './function-value.js';
import type { FunctionFrame } from './context.js';
import type { CompiledTemplate } from './compiler.js';

export interface CompiledParam {
  name: string;
  lower: string;
  type?: string;
  required: boolean;
  default?: Eval;
}

/** A user-defined function, closure or arrow function, compiled once per template. */
export class UDF extends CfFunction {
  readonly paramNames: string[];
  /** The frame a closure was created in: its locals and arguments stay visible. */
  closureFrame: FunctionFrame | null = null;

  constructor(
    readonly name: string,
    readonly isClosure: boolean,
    readonly params: CompiledParam[],
    readonly body: Exec,
    readonly decl: A.FuncExpr,
    readonly template: CompiledTemplate,
    readonly outputOff: boolean,
    readonly returnType?: string,
  ) {
    super();
    this.paramNames = params.map((p) => p.lower);
  }

  withClosure(frame: FunctionFrame | null): UDF {
    const f = new UDF(this.name, this.isClosure, this.params, this.body, this.decl, this.template, this.outputOff, this.returnType);
    f.closureFrame = frame;
    return f;
  }
}
