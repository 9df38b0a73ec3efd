import type * as A from '../parser/ast.js';
import type { Eval, Exec } from './exec.js';
import { CfFunction } from './function-value.js';
import type { FunctionFrame } from './context.js';
import type { CompiledTemplate } from './compiler.js';
import type { Struct } from './struct.js';
import type { Access, ComponentClass } from './components/class.js';
import type { ComponentInstance } from './components/instance.js';

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
  /** The variables scope and component a closure was created in (Lucee: closures keep them). */
  closureVariables: Struct | null = null;
  closureComponent: ComponentInstance | null = null;
  /** Access of a component method; page functions are public. */
  access: Access = 'public';
  /** The component class that declares this method (null for page functions and closures). */
  owner: ComponentClass | null = null;
  isStatic = false;
  /** A method read as a value (`f = obj.m`): the instance it keeps when called later (Lucee). */
  receiver: ComponentInstance | null = null;

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

  private copy(): UDF {
    const f = new UDF(this.name, this.isClosure, this.params, this.body, this.decl, this.template, this.outputOff, this.returnType);
    f.access = this.access;
    f.owner = this.owner;
    f.isStatic = this.isStatic;
    f.closureFrame = this.closureFrame;
    f.closureVariables = this.closureVariables;
    f.closureComponent = this.closureComponent;
    f.receiver = this.receiver;
    return f;
  }

  withClosure(frame: FunctionFrame | null, variables: Struct | null = null, component: ComponentInstance | null = null): UDF {
    const f = this.copy();
    f.closureFrame = frame;
    f.closureVariables = variables;
    f.closureComponent = component;
    return f;
  }

  /** The method bound to an instance, as `obj.m` read as a value gives it. */
  withReceiver(inst: ComponentInstance): UDF {
    if (this.receiver === inst) return this;
    const f = this.copy();
    f.receiver = inst;
    return f;
  }
}
