import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts } from 'chevrotain';
import * as T from '../lexer/tokens.js';
import { allTokens } from '../lexer/tokens.js';
import type * as A from './ast.js';
import { SCOPE_NAMES } from './ast.js';
import { ParseError, type SourceLoc } from '../runtime/errors.js';
import { tagCallAttrs } from './tag-check.js';
import type { TagDef } from '../tags/types.js';

/** Expressions written as a quoted string: on the left of `=` they name the variable to set. */
const quotedStrings = new WeakSet<A.Expr>();

/** Where the parser finds tag definitions (a TagRegistry). */
export interface TagLookup {
  get(name: string): TagDef | undefined;
}

/** Where a token stream sits in its file: sub-parses (strings, attribute values) shift by this. */
export interface LocBase {
  file: string;
  line: number;
  col: number;
}

/**
 * Parses the template code of a tag island (```...``` in script) into statements; set by the
 * template parser, which owns tag parsing. `loc` is where the code starts (after the backticks).
 */
export type IslandParserFn = (code: string, loc: SourceLoc, tags: TagLookup | undefined) => A.Stmt[];
let islandParser: IslandParserFn | undefined;
export function setIslandParser(fn: IslandParserFn): void {
  islandParser = fn;
}

/** Turns the text of a string literal (without quotes) into parts; set by the front end. */
export type StringPartsFn = (raw: string, quote: string, loc: SourceLoc) => A.Expr;

const COMPARE: Record<string, A.BinaryOp> = {
  Eq: 'eq', EqEq: 'eq', Neq: 'neq', BangEq: 'neq', NotEqualWords: 'neq', IsNot: 'neq',
  Gt: 'gt', GtSym: 'gt', GreaterThan: 'gt', Gte: 'gte', GtEqSym: 'gte', GreaterThanOrEqual: 'gte',
  Lt: 'lt', LtSym: 'lt', LessThan: 'lt', Lte: 'lte', LtEqSym: 'lte', LessThanOrEqual: 'lte',
  Contains: 'contains', DoesNotContain: 'nct', Nct: 'nct', StrictEq: '===', StrictNeq: '!==',
};

const ASSIGN: Record<string, A.AssignOperator> = {
  Assign: '=', PlusEq: '+=', MinusEq: '-=', StarEq: '*=', SlashEq: '/=', AmpEq: '&=', PercentEq: '%=',
};

/**
 * The CFML expression and script grammar, with Lucee's precedence (highest first): unary,
 * `^`, `* / \`, `MOD %`, `+ -`, `&`, comparisons, `NOT !`, `AND &&`, `OR ||`, `XOR`, `EQV`, `IMP`,
 * ternary / Elvis, assignment. Note that NOT binds looser than comparisons.
 * Builds the AST directly (embedded actions), so no CST is allocated.
 */
export class CfmlParser extends EmbeddedActionsParser {
  base: LocBase = { file: '', line: 1, col: 1 };
  stringParts!: StringPartsFn;
  /** The tag set of the script being parsed: tag statements read their TagDef's scriptShorthand. */
  tags?: TagLookup;

  constructor() {
    super(allTokens, { maxLookahead: 2, skipValidations: true });
    this.performSelfAnalysis();
  }

  loc(t: IToken): SourceLoc {
    const line = t.startLine ?? 1;
    return {
      file: this.base.file,
      line: this.base.line + line - 1,
      col: line === 1 ? this.base.col + (t.startColumn ?? 1) - 1 : t.startColumn ?? 1,
      offset: t.startOffset,
    };
  }

  // ---- expressions --------------------------------------------------------------------------

  public expression = this.RULE('expression', (): A.Expr => this.SUBRULE(this.assignment));

  private assignment = this.RULE('assignment', (): A.Expr => {
    const left = this.SUBRULE(this.ternary);
    return this.OR([
      {
        ALT: () => {
          const op = this.CONSUME(T.AssignOp);
          const value = this.SUBRULE(this.assignment);
          return this.ACTION(() => {
            const a: A.Assign = { kind: 'assign', op: ASSIGN[op.tokenType.name]!, target: left, value, loc: left.loc };
            if (quotedStrings.has(left)) a.dynamicName = true;
            return a;
          });
        },
      },
      { ALT: () => left },
    ]);
  });

  private ternary = this.RULE('ternary', (): A.Expr => {
    const test = this.SUBRULE(this.imp);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Question);
          const a = this.SUBRULE(this.assignment);
          this.CONSUME(T.Colon);
          const b = this.SUBRULE2(this.assignment);
          return this.ACTION(() => ({ kind: 'cond', test, then: a, else: b, loc: test.loc }) as A.Conditional);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Elvis);
          const b = this.SUBRULE3(this.assignment);
          return this.ACTION(() => ({ kind: 'elvis', left: test, right: b, loc: test.loc }) as A.ElvisExpr);
        },
      },
      { ALT: () => test },
    ]);
  });

  /**
   * All binary operators and prefix NOT in one flat rule: operands and operators are collected
   * in order, then the tree is built by precedence climbing. A rule per precedence level would
   * cost a dozen nested rule calls for every operand.
   */
  private notAlts?: IOrAlt<IToken>[];
  private notAlts2?: IOrAlt<IToken>[];
  private imp = this.RULE('binary', (): A.Expr => {
    const items: BinItem[] = [];
    this.MANY(() => {
      const t = this.OR(this.notAlts ??= [{ ALT: () => this.CONSUME(T.Not) }, { ALT: () => this.CONSUME(T.Bang) }]);
      items.push({ kind: 'not', loc: this.loc(t) });
    });
    items.push({ kind: 'operand', expr: this.SUBRULE(this.unary) });
    this.MANY2(() => {
      const op = this.CONSUME(T.BinOp);
      items.push({ kind: 'op', token: op });
      this.MANY3(() => {
        const t = this.OR2(this.notAlts2 ??= [{ ALT: () => this.CONSUME2(T.Not) }, { ALT: () => this.CONSUME2(T.Bang) }]);
        items.push({ kind: 'not', loc: this.loc(t) });
      });
      items.push({ kind: 'operand', expr: this.SUBRULE2(this.unary) });
    });
    return this.ACTION(() => (items.length === 1 ? (items[0] as { expr: A.Expr }).expr : climbAll(items)));
  });

  private unaryAlts?: IOrAlt<A.Expr>[];
  private unary = this.RULE('unary', (): A.Expr =>
    this.OR(this.unaryAlts ??= [
      {
        ALT: () => {
          const t = this.CONSUME(T.AddOp);
          const e = this.SUBRULE(this.unary);
          return this.ACTION(() => {
            if (t.tokenType === T.Minus && e.kind === 'lit' && typeof e.value === 'number') return { ...e, value: -e.value, loc: this.loc(t) };
            return { kind: 'unary', op: t.tokenType === T.Minus ? '-' : '+', expr: e, loc: this.loc(t) } as A.Unary;
          });
        },
      },
      {
        ALT: () => {
          const t = this.OR2([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]);
          const e = this.SUBRULE(this.postfix);
          return this.ACTION(() => ({ kind: 'update', op: t.image as '++' | '--', prefix: true, target: e, loc: this.loc(t) }) as A.Update);
        },
      },
      { ALT: () => this.SUBRULE2(this.postfix) },
    ]),
  );

  private postfix = this.RULE('postfix', (): A.Expr => {
    let e = this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const dot = this.OR2([{ ALT: () => this.CONSUME(T.Dot) }, { ALT: () => this.CONSUME(T.SafeDot) }]);
            const name = this.OR3([{ ALT: () => this.CONSUME(T.NameLike) }, { ALT: () => this.CONSUME(T.NumberLit) }]);
            const safe = dot.tokenType === T.SafeDot;
            this.OR4([
              {
                ALT: () => {
                  const args = this.SUBRULE(this.callArgs);
                  e = this.ACTION(() => ({ kind: 'mcall', object: e, name: name.image, lower: name.image.toLowerCase(), args, safe, loc: this.loc(name) }) as A.MemberCall);
                },
              },
              {
                ALT: () => {
                  e = this.ACTION(() => this.member(e, name, safe));
                },
              },
            ]);
          },
        },
        {
          // `row.4.name`: the lexer reads `.4` as a number; after a value it is the key "4"
          GATE: () => /^\.\d+$/.test(this.LA(1).image) && this.LA(1).tokenType === T.NumberLit,
          ALT: () => {
            const n = this.CONSUME2(T.NumberLit);
            e = this.ACTION(() => {
              const name = n.image.slice(1);
              const at = this.loc(n);
              return { kind: 'member', object: e, name, lower: name, safe: false, loc: { ...at, col: at.col + 1 } } as A.Member;
            });
          },
        },
        {
          ALT: () => {
            const lb = this.CONSUME(T.LBracket);
            let index: A.Expr | undefined;
            // `arr[2:4]`, `arr[::-1]`: a slice (each part optional)
            let slice: { to?: A.Expr; step?: A.Expr } | undefined;
            this.OPTION2(() => { index = this.SUBRULE(this.expression); });
            this.OPTION3(() => {
              this.OR6([
                {
                  ALT: () => {
                    this.CONSUME(T.Colon);
                    slice = {};
                    this.OPTION4(() => { slice!.to = this.SUBRULE2(this.expression); });
                    this.OPTION5(() => {
                      this.CONSUME2(T.Colon);
                      this.OPTION6(() => { slice!.step = this.SUBRULE3(this.expression); });
                    });
                  },
                },
                {
                  // `arr[::-1]`: the lexer reads the two colons as one token
                  ALT: () => {
                    this.CONSUME(T.ColonColon);
                    slice = {};
                    this.OPTION7(() => { slice!.step = this.SUBRULE4(this.expression); });
                  },
                },
              ]);
            });
            const rb = this.CONSUME(T.RBracket);
            e = this.ACTION(() => {
              if (slice) return { kind: 'slice', object: e, from: index, to: slice.to, step: slice.step, loc: this.loc(lb) } as A.Slice;
              if (!index) throw new ParseError('Syntax error: expected an index inside []', this.loc(rb));
              return { kind: 'index', object: e, index, loc: this.loc(lb) } as A.Index;
            });
          },
        },
        {
          ALT: () => {
            const args = this.SUBRULE2(this.callArgs);
            e = this.ACTION(() => this.call(e, args));
          },
        },
        {
          // `Name::member`, `path.to.Name::f(args)`: a static member of a component
          ALT: () => {
            const cc = this.CONSUME2(T.ColonColon);
            const name = this.CONSUME2(T.NameLike);
            let args: A.Arg[] | undefined;
            this.OPTION8(() => { args = this.SUBRULE3(this.callArgs); });
            e = this.ACTION(() => {
              const component = dottedName(e);
              if (component === undefined) throw new ParseError('Syntax error: :: must follow a component name (Name::member)', this.loc(cc));
              return { kind: 'static', component, name: name.image, lower: name.image.toLowerCase(), args, loc: this.loc(name) } as A.StaticAccess;
            });
          },
        },
      ]);
    });
    this.OPTION(() => {
      const t = this.OR5([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]);
      e = this.ACTION(() => ({ kind: 'update', op: t.image as '++' | '--', prefix: false, target: e, loc: e.loc }) as A.Update);
    });
    return e;
  });

  private member(object: A.Expr, name: IToken, safe: boolean): A.Expr {
    // `url.x`: the scope resolved here once, so the evaluator never looks `url` up as a variable.
    const lower = name.image.toLowerCase();
    return { kind: 'member', object, name: name.image, lower, safe, loc: this.loc(name) };
  }

  private call(callee: A.Expr, args: A.Arg[]): A.Expr {
    if (callee.kind === 'var') return { kind: 'call', name: callee.name, lower: callee.lower, args, loc: callee.loc };
    return { kind: 'invoke', callee, args, loc: callee.loc };
  }

  public callArgs = this.RULE('callArgs', (): A.Arg[] => {
    const args: A.Arg[] = [];
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      args.push(this.SUBRULE(this.argument));
      // named arguments may also be separated by blanks alone: Lucee's tags in script are called
      // so, `cffile(action="write" file=f output="x")`
      this.MANY({
        GATE: () => this.LA(1).tokenType === T.Comma || this.isNamedArgStart(),
        DEF: () => {
          this.OPTION2(() => this.CONSUME(T.Comma));
          args.push(this.SUBRULE2(this.argument));
        },
      });
    });
    this.CONSUME(T.RParen);
    return args;
  });

  /** `name =` starts the next token run (a named argument). */
  private isNamedArgStart(): boolean {
    const t1 = this.LA(1);
    return this.LA(2).tokenType === T.Assign && (t1.tokenType === T.Identifier || T.isKeyword(t1));
  }

  /** `value`, or `name = value` / `name: value`; an OPTION, as a gated OR allocates per call. */
  private argument = this.RULE('argument', (): A.Arg => {
    let n: IToken | undefined;
    this.OPTION({
      GATE: () => {
        const t2 = this.LA(2).tokenType;
        return (t2 === T.Assign || t2 === T.Colon) && (this.LA(1).tokenType === T.Identifier || this.LA(1).tokenType === T.StringLit || T.isKeyword(this.LA(1)));
      },
      DEF: () => {
        n = this.OR2([{ ALT: () => this.CONSUME(T.NameLike) }, { ALT: () => this.CONSUME(T.StringLit) }]);
        this.OR3([{ ALT: () => this.CONSUME(T.Assign) }, { ALT: () => this.CONSUME(T.Colon) }]);
      },
    });
    const value = this.SUBRULE(this.expression);
    return this.ACTION(() => {
      if (!n) return { value };
      const name = n.tokenType === T.StringLit ? n.image.slice(1, -1) : n.image;
      return { name, lower: name.toLowerCase(), value };
    });
  });

  // The alternatives only use `this`: built once and reused, since an OR's alternative list is
  // otherwise allocated on every call of the most frequent rule.
  private primaryAlts?: OrMethodOpts<A.Expr>;
  private primary = this.RULE('primary', (): A.Expr =>
    this.OR(this.primaryAlts ??= { MAX_LOOKAHEAD: 1, IGNORE_AMBIGUITIES: true, DEF: [
      {
        ALT: () => {
          const t = this.CONSUME(T.NumberLit);
          return this.ACTION(() => ({ kind: 'lit', value: Number(t.image), loc: this.loc(t) }) as A.Literal);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.StringLit);
          return this.ACTION(() => {
            const e = this.stringParts(t.image.slice(1, -1), t.image[0]!, this.loc(t));
            quotedStrings.add(e);
            return e;
          });
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.True);
          return this.ACTION(() => ({ kind: 'lit', value: true, loc: this.loc(t) }) as A.Literal);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.False);
          return this.ACTION(() => ({ kind: 'lit', value: false, loc: this.loc(t) }) as A.Literal);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.Null);
          return this.ACTION(() => ({ kind: 'lit', value: null, loc: this.loc(t) }) as A.Literal);
        },
      },
      {
        // a name, or `x => expr`; no GATE in this rule, since a gated OR allocates on every call
        ALT: () => {
          const t = this.CONSUME(T.Identifier);
          let body: A.Stmt[] | undefined;
          this.OPTION(() => {
            this.CONSUME(T.Arrow);
            body = this.SUBRULE(this.arrowBody);
          });
          return this.ACTION(() => (body ? this.arrowFunc([{ name: t.image, lower: t.image.toLowerCase(), required: false }], body, this.loc(t)) : this.name(t)));
        },
      },
      {
        // throw(message="x", type="y"): the function form of the throw statement
        ALT: () => {
          const t = this.CONSUME(T.Throw);
          return this.ACTION(() => ({ kind: 'var', lower: 'throw', name: t.image, loc: this.loc(t) }) as A.VarRef);
        },
      },
      {
        // exp(x): the built-in function, where `a EXP b` is the power operator
        ALT: () => {
          const t = this.CONSUME(T.Exp);
          return this.ACTION(() => ({ kind: 'var', lower: 'exp', name: t.image, loc: this.loc(t) }) as A.VarRef);
        },
      },
      { ALT: () => this.SUBRULE(this.parenOrArrow) },
      {
        ALT: () => {
          this.CONSUME(T.Hash);
          const e = this.SUBRULE2(this.expression);
          this.CONSUME2(T.Hash);
          return e;
        },
      },
      { ALT: () => this.SUBRULE(this.structLiteral) },
      { ALT: () => this.SUBRULE(this.arrayLiteral) },
      { ALT: () => this.SUBRULE(this.functionExpr) },
      { ALT: () => this.SUBRULE(this.newExpr) },
    ] }),
  );

  /** `( expr )`, or `(a, b) => expr` when the parenthesis is followed by an arrow. */
  private parenOrArrow = this.RULE('parenOrArrow', (): A.Expr =>
    this.OR({ MAX_LOOKAHEAD: 1, IGNORE_AMBIGUITIES: true, DEF: [
      {
        GATE: () => this.isArrowParams(),
        ALT: () => {
          const t = this.LA(1);
          const params = this.SUBRULE(this.paramList);
          this.CONSUME(T.Arrow);
          const body = this.SUBRULE(this.arrowBody);
          return this.ACTION(() => this.arrowFunc(params, body, this.loc(t)));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const e = this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
          return e;
        },
      },
    ] }),
  );

  private arrowBody = this.RULE('arrowBody', (): A.Stmt[] =>
    this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      {
        ALT: () => {
          const e = this.SUBRULE(this.assignment);
          return this.ACTION(() => [{ kind: 'return', value: e, loc: e.loc } as A.ReturnStmt]);
        },
      },
    ]),
  );

  private arrowFunc(params: A.Param[], body: A.Stmt[], loc: SourceLoc): A.FuncExpr {
    return { kind: 'func', params, body, arrow: true, loc };
  }

  private isArrowParams(): boolean {
    if (this.LA(1).tokenType !== T.LParen) return false;
    let depth = 0;
    for (let i = 1; i < 200; i++) {
      const tt = this.LA(i).tokenType;
      if (tt === T.LParen) depth++;
      else if (tt === T.RParen) {
        depth--;
        if (depth === 0) return this.LA(i + 1).tokenType === T.Arrow;
      } else if (tt.name === 'EOF') return false;
    }
    return false;
  }

  private name(t: IToken): A.Expr {
    const lower = t.image.toLowerCase();
    if (SCOPE_NAMES.has(lower)) return { kind: 'scope', scope: lower as A.ScopeName, name: t.image, loc: this.loc(t) };
    return { kind: 'var', lower, name: t.image, loc: this.loc(t) };
  }

  private structLiteral = this.RULE('structLiteral', (): A.Expr => {
    const lb = this.CONSUME(T.LBrace);
    const entries: A.StructLit['entries'] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const k = this.OR([
          { ALT: () => this.CONSUME(T.NameLike) },
          { ALT: () => this.CONSUME(T.StringLit) },
          { ALT: () => this.CONSUME(T.NumberLit) },
        ]);
        this.OR2([{ ALT: () => this.CONSUME(T.Colon) }, { ALT: () => this.CONSUME(T.Assign) }]);
        const value = this.SUBRULE(this.expression);
        this.ACTION(() => entries.push({ key: this.literalKey(k), value }));
      },
    });
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'struct', entries, loc: this.loc(lb) }) as A.StructLit);
  });

  /** Unquoted keys are stored upper-case (as dot notation does); quoted keys keep their case. */
  private literalKey(k: IToken): string | A.Expr {
    if (k.tokenType === T.StringLit) {
      const e = this.stringParts(k.image.slice(1, -1), k.image[0]!, this.loc(k));
      return e.kind === 'lit' ? String(e.value) : e;
    }
    return k.image.toUpperCase();
  }

  private arrayLiteral = this.RULE('arrayLiteral', (): A.Expr => {
    const lb = this.CONSUME(T.LBracket);
    return this.OR({ MAX_LOOKAHEAD: 1, IGNORE_AMBIGUITIES: true, DEF: [
      {
        // [:], [a: 1, b: 2] and [a = 1] are ordered structs
        GATE: () => this.LA(1).tokenType === T.Colon || this.LA(2).tokenType === T.Colon || (this.LA(2).tokenType === T.Assign && (this.LA(1).tokenType === T.Identifier || this.LA(1).tokenType === T.StringLit)),
        ALT: () => {
          const entries: A.StructLit['entries'] = [];
          this.OR2([
            { GATE: () => this.LA(1).tokenType === T.Colon, ALT: () => this.CONSUME(T.Colon) },
            {
              ALT: () => {
                this.AT_LEAST_ONE_SEP({
                  SEP: T.Comma,
                  DEF: () => {
                    const k = this.OR3([{ ALT: () => this.CONSUME(T.NameLike) }, { ALT: () => this.CONSUME(T.StringLit) }]);
                    this.OR4([{ ALT: () => this.CONSUME2(T.Colon) }, { ALT: () => this.CONSUME(T.Assign) }]);
                    const value = this.SUBRULE(this.expression);
                    this.ACTION(() => entries.push({ key: this.literalKey(k), value }));
                  },
                });
              },
            },
          ]);
          this.CONSUME(T.RBracket);
          return this.ACTION(() => ({ kind: 'struct', entries, ordered: true, loc: this.loc(lb) }) as A.StructLit);
        },
      },
      {
        ALT: () => {
          const items: A.Expr[] = [];
          this.MANY_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE2(this.expression)) });
          this.CONSUME2(T.RBracket);
          return this.ACTION(() => ({ kind: 'array', items, loc: this.loc(lb) }) as A.ArrayLit);
        },
      },
    ] });
  });

  /** `new path.to.Name(args)`, `new "path.to.Name"(args)`; the arguments are optional. */
  private newExpr = this.RULE('newExpr', (): A.Expr => {
    const t = this.CONSUME(T.New);
    let path: string | A.Expr = '';
    this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLit);
          path = this.ACTION(() => {
            const e = this.stringParts(s.image.slice(1, -1), s.image[0]!, this.loc(s));
            return e.kind === 'lit' ? String(e.value) : e;
          });
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.NameLike);
          let name = first.image;
          this.MANY(() => {
            this.CONSUME(T.Dot);
            const n = this.CONSUME2(T.NameLike);
            name += '.' + n.image;
          });
          path = name;
        },
      },
    ]);
    let args: A.Arg[] = [];
    this.OPTION(() => { args = this.SUBRULE(this.callArgs); });
    return this.ACTION(() => ({ kind: 'new', path, args, loc: this.loc(t) }) as A.NewExpr);
  });

  private functionExpr = this.RULE('functionExpr', (): A.Expr => {
    const t = this.CONSUME(T.FunctionKw);
    const params = this.SUBRULE(this.paramList);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: 'func', params, body, arrow: false, loc: this.loc(t) }) as A.FuncExpr);
  });

  public paramList = this.RULE('paramList', (): A.Param[] => {
    const params: A.Param[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => params.push(this.SUBRULE(this.param)) });
    this.CONSUME(T.RParen);
    return params;
  });

  /** `[required] [type] name [= default]` */
  private param = this.RULE('param', (): A.Param => {
    const words: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      words.push(this.CONSUME(T.NameLike));
      this.MANY(() => {
        // dotted type names (components) are kept as one word
        this.CONSUME(T.Dot);
        const n = this.CONSUME2(T.NameLike);
        this.ACTION(() => {
          const last = words[words.length - 1]!;
          words[words.length - 1] = { ...last, image: last.image + '.' + n.image };
        });
      });
    });
    let def: A.Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      def = this.SUBRULE(this.expression);
    });
    return this.ACTION(() => {
      const ws = words.slice();
      let required = false;
      if (ws.length > 1 && ws[0]!.image.toLowerCase() === 'required') {
        required = true;
        ws.shift();
      }
      const name = ws[ws.length - 1]!.image;
      const type = ws.length > 1 ? ws[0]!.image.toLowerCase() : undefined;
      return { name, lower: name.toLowerCase(), type, required, default: def };
    });
  });

  // ---- script statements --------------------------------------------------------------------

  public script = this.RULE('script', (): A.Stmt[] => {
    const body: A.Stmt[] = [];
    this.MANY(() => {
      const s = this.SUBRULE(this.statement);
      if (s) body.push(s);
    });
    return body;
  });

  public block = this.RULE('block', (): A.Stmt[] => {
    this.CONSUME(T.LBrace);
    const body: A.Stmt[] = [];
    this.MANY(() => {
      const s = this.SUBRULE(this.statement);
      if (s) body.push(s);
    });
    this.CONSUME(T.RBrace);
    return body;
  });

  private statement = this.RULE('statement', (): A.Stmt | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        { ALT: () => { this.CONSUME(T.Semicolon); return undefined; } },
        { GATE: () => this.isFunctionDecl(), ALT: () => this.SUBRULE(this.functionDecl) },
        { GATE: () => this.isComponentDecl(), ALT: () => this.SUBRULE(this.componentDecl) },
        { GATE: () => this.LA(1).tokenType === T.Identifier && this.LA(2).tokenType === T.LBrace && this.LA(1).image.toLowerCase() === 'static', ALT: () => this.SUBRULE(this.staticBlock) },
        {
          ALT: () => {
            const t = this.CONSUME(T.TagIsland);
            return this.ACTION(() => this.tagIsland(t));
          },
        },
        { GATE: () => this.isTagStatement(), ALT: () => this.SUBRULE(this.tagStatement) },
        { GATE: () => this.isTagCallWithBody(), ALT: () => this.SUBRULE(this.tagCallWithBody) },
        {
          ALT: () => {
            const t = this.LA(1);
            const body = this.SUBRULE(this.block);
            return this.ACTION(() => ({ kind: 'block', body, loc: this.loc(t) }) as A.Block);
          },
        },
        { ALT: () => this.SUBRULE(this.ifStmt) },
        { ALT: () => this.SUBRULE(this.forStmt) },
        { ALT: () => this.SUBRULE(this.whileStmt) },
        { ALT: () => this.SUBRULE(this.doStmt) },
        { ALT: () => this.SUBRULE(this.switchStmt) },
        { ALT: () => this.SUBRULE(this.tryStmt) },
        { ALT: () => this.SUBRULE(this.returnStmt) },
        {
          ALT: () => {
            const t = this.CONSUME(T.Break);
            this.OPTION(() => this.CONSUME2(T.Semicolon));
            return this.ACTION(() => ({ kind: 'break', loc: this.loc(t) }) as A.BreakStmt);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.Continue);
            this.OPTION2(() => this.CONSUME3(T.Semicolon));
            return this.ACTION(() => ({ kind: 'continue', loc: this.loc(t) }) as A.ContinueStmt);
          },
        },
        {
          GATE: () => this.LA(2).tokenType !== T.LParen,
          ALT: () => {
            const t = this.CONSUME(T.Throw);
            let value: A.Expr | undefined;
            this.OPTION3(() => { value = this.SUBRULE(this.expression); });
            this.OPTION4(() => this.CONSUME4(T.Semicolon));
            return this.ACTION(() => ({ kind: 'throw', value, loc: this.loc(t) }) as A.ThrowStmt);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.Rethrow);
            this.OPTION5(() => this.CONSUME5(T.Semicolon));
            return this.ACTION(() => ({ kind: 'rethrow', loc: this.loc(t) }) as A.RethrowStmt);
          },
        },
        { ALT: () => this.SUBRULE(this.varStmt) },
        {
          ALT: () => {
            const e = this.SUBRULE(this.expression);
            this.OPTION6(() => this.CONSUME6(T.Semicolon));
            return this.ACTION(() => this.exprStatement(e));
          },
        },
      ],
    }),
  );

  /** A tag island: its template code runs in place, as a block of the script. */
  private tagIsland(t: IToken): A.Stmt {
    const loc = this.loc(t);
    const at: SourceLoc = { file: loc.file, line: loc.line, col: loc.col + 3 };
    if (!islandParser) throw new ParseError('Tag islands (```) are not supported here', loc);
    return { kind: 'block', body: islandParser(t.image.slice(3, -3), at, this.tags), loc };
  }

  /** `include "x.cfm";` and `abort;` read as expressions; they become statements here. */
  private exprStatement(e: A.Expr): A.Stmt {
    if (e.kind === 'var' && e.lower === 'abort') return { kind: 'abort', loc: e.loc };
    if (e.kind === 'var' && e.lower === 'retry') return { kind: 'retry', loc: e.loc };
    return { kind: 'expr', expr: e, loc: e.loc };
  }

  private varStmt = this.RULE('varStmt', (): A.Stmt => {
    const t = this.CONSUME(T.Var);
    const target = this.SUBRULE(this.postfix);
    let value: A.Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      value = this.SUBRULE(this.expression);
    });
    this.OPTION2(() => this.CONSUME(T.Semicolon));
    return this.ACTION(() => ({ kind: 'vardecl', target, value, loc: this.loc(t) }) as A.VarDecl);
  });

  private ifStmt = this.RULE('ifStmt', (): A.Stmt => {
    const t = this.CONSUME(T.If);
    this.CONSUME(T.LParen);
    const test = this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    const then = this.SUBRULE(this.statementOrEmpty);
    let otherwise: A.Stmt | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Else);
      otherwise = this.SUBRULE2(this.statementOrEmpty);
    });
    return this.ACTION(() => ({ kind: 'if', test, then, else: otherwise, loc: this.loc(t) }) as A.IfStmt);
  });

  private statementOrEmpty = this.RULE('statementOrEmpty', (): A.Stmt => {
    const t = this.LA(1);
    const s = this.SUBRULE(this.statement);
    return this.ACTION(() => s ?? ({ kind: 'block', body: [], loc: this.loc(t) } as A.Block));
  });

  private forStmt = this.RULE('forStmt', (): A.Stmt => {
    const t = this.CONSUME(T.For);
    this.CONSUME(T.LParen);
    return this.OR({ MAX_LOOKAHEAD: 1, IGNORE_AMBIGUITIES: true, DEF: [
      {
        GATE: () => this.isForIn(),
        ALT: () => {
          let isVar = false;
          this.OPTION(() => { this.CONSUME(T.Var); isVar = true; });
          const target = this.SUBRULE(this.postfix);
          this.CONSUME(T.In);
          const object = this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
          const body = this.SUBRULE(this.statementOrEmpty);
          return this.ACTION(() => ({ kind: 'forin', target, isVar, object, body, loc: this.loc(t) }) as A.ForInStmt);
        },
      },
      {
        ALT: () => {
          let init: A.Expr | A.VarDecl | undefined;
          let test: A.Expr | undefined;
          let update: A.Expr | undefined;
          this.OPTION2(() => {
            this.OR2([
              {
                ALT: () => {
                  const v = this.CONSUME2(T.Var);
                  const target = this.SUBRULE2(this.postfix);
                  this.CONSUME(T.Assign);
                  const value = this.SUBRULE2(this.expression);
                  init = this.ACTION(() => ({ kind: 'vardecl', target, value, loc: this.loc(v) }) as A.VarDecl);
                },
              },
              { ALT: () => { init = this.SUBRULE3(this.expression); } },
            ]);
          });
          this.CONSUME(T.Semicolon);
          this.OPTION3(() => { test = this.SUBRULE4(this.expression); });
          this.CONSUME2(T.Semicolon);
          this.OPTION4(() => { update = this.SUBRULE5(this.expression); });
          this.CONSUME2(T.RParen);
          const body = this.SUBRULE2(this.statementOrEmpty);
          return this.ACTION(() => ({ kind: 'for', init, test, update, body, loc: this.loc(t) }) as A.ForStmt);
        },
      },
    ] });
  });

  private isForIn(): boolean {
    let depth = 0;
    for (let i = 1; i < 100; i++) {
      const tt = this.LA(i).tokenType;
      if (tt === T.LParen || tt === T.LBracket) depth++;
      else if (tt === T.RParen || tt === T.RBracket) {
        if (depth === 0) return false;
        depth--;
      } else if (depth === 0 && tt === T.In) return true;
      else if (tt === T.Semicolon || tt.name === 'EOF') return false;
    }
    return false;
  }

  private whileStmt = this.RULE('whileStmt', (): A.Stmt => {
    const t = this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    const test = this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    const body = this.SUBRULE(this.statementOrEmpty);
    return this.ACTION(() => ({ kind: 'while', test, body, loc: this.loc(t) }) as A.WhileStmt);
  });

  private doStmt = this.RULE('doStmt', (): A.Stmt => {
    const t = this.CONSUME(T.Do);
    const body = this.SUBRULE(this.statementOrEmpty);
    this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    const test = this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.OPTION(() => this.CONSUME(T.Semicolon));
    return this.ACTION(() => ({ kind: 'dowhile', test, body, loc: this.loc(t) }) as A.DoWhileStmt);
  });

  private switchStmt = this.RULE('switchStmt', (): A.Stmt => {
    const t = this.CONSUME(T.Switch);
    this.CONSUME(T.LParen);
    const subject = this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.CONSUME(T.LBrace);
    const cases: A.SwitchCase[] = [];
    this.MANY(() => {
      const c: A.SwitchCase = { values: [], isDefault: false, body: [] };
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Case);
            const v = this.SUBRULE2(this.ternary);
            this.ACTION(() => c.values.push(v));
            this.CONSUME(T.Colon);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Default);
            this.CONSUME2(T.Colon);
            c.isDefault = true;
          },
        },
      ]);
      this.MANY2(() => {
        const s = this.SUBRULE(this.statement);
        if (s) c.body.push(s);
      });
      cases.push(c);
    });
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'switch', subject, cases, loc: this.loc(t) }) as A.SwitchStmt);
  });

  private tryStmt = this.RULE('tryStmt', (): A.Stmt => {
    const t = this.CONSUME(T.Try);
    const body = this.SUBRULE(this.block);
    const catches: A.CatchClause[] = [];
    let fin: A.Stmt[] | undefined;
    this.MANY(() => {
      const c = this.CONSUME(T.Catch);
      this.CONSUME(T.LParen);
      const words: string[] = [];
      this.AT_LEAST_ONE(() => {
        const w = this.OR([{ ALT: () => this.CONSUME(T.NameLike) }, { ALT: () => this.CONSUME(T.StringLit) }]);
        this.ACTION(() => words.push(w.tokenType === T.StringLit ? w.image.slice(1, -1) : w.image));
        this.MANY2(() => {
          this.CONSUME(T.Dot);
          const n = this.CONSUME2(T.NameLike);
          this.ACTION(() => { words[words.length - 1] += '.' + n.image; });
        });
      });
      this.CONSUME(T.RParen);
      const cbody = this.SUBRULE2(this.block);
      this.ACTION(() => {
        const varName = words[words.length - 1]!;
        const type = words.length > 1 ? words[0]! : 'any';
        catches.push({ type, varName, body: cbody, loc: this.loc(c) });
      });
    });
    this.OPTION(() => {
      this.CONSUME(T.Finally);
      fin = this.SUBRULE3(this.block);
    });
    return this.ACTION(() => ({ kind: 'try', body, catches, finally: fin, loc: this.loc(t) }) as A.TryStmt);
  });

  private returnStmt = this.RULE('returnStmt', (): A.Stmt => {
    const t = this.CONSUME(T.Return);
    let value: A.Expr | undefined;
    this.OPTION(() => {
      value = this.SUBRULE(this.expression);
    });
    this.OPTION2(() => this.CONSUME(T.Semicolon));
    return this.ACTION(() => ({ kind: 'return', value, loc: this.loc(t) }) as A.ReturnStmt);
  });

  private isFunctionDecl(): boolean {
    for (let i = 1; i < 6; i++) {
      const tt = this.LA(i).tokenType;
      if (tt === T.FunctionKw) return this.LA(i + 1).tokenType === T.Identifier || T.isKeyword(this.LA(i + 1));
      if (tt !== T.Identifier) return false;
    }
    return false;
  }

  /** `[access] [returnType] function name(params) [attr=value...] { body }` */
  private functionDecl = this.RULE('functionDecl', (): A.Stmt => {
    const first = this.LA(1);
    const mods: string[] = [];
    this.MANY(() => {
      const m = this.CONSUME(T.Identifier);
      this.ACTION(() => mods.push(m.image.toLowerCase()));
    });
    this.CONSUME(T.FunctionKw);
    const name = this.CONSUME(T.NameLike);
    const params = this.SUBRULE(this.paramList);
    const attrs: Record<string, string> = {};
    this.MANY2(() => {
      const k = this.CONSUME2(T.NameLike);
      let v = 'true';
      this.OPTION(() => {
        this.CONSUME(T.Assign);
        v = this.SUBRULE(this.annotationValue);
      });
      this.ACTION(() => { attrs[k.image.toLowerCase()] = v; });
    });
    // `function f();`: a declaration without a body (interfaces, abstract functions)
    let body: A.Stmt[] = [];
    this.OR([
      { ALT: () => { body = this.SUBRULE(this.block); } },
      { ALT: () => { this.CONSUME(T.Semicolon); } },
    ]);
    return this.ACTION(() => {
      const access = mods.find((m) => ['public', 'private', 'remote', 'package'].includes(m));
      const isStatic = mods.includes('static');
      const returnType = mods.filter((m) => m !== access && m !== 'static' && m !== 'final' && m !== 'abstract')[0];
      // final / abstract is the function's modifier (its metadata says so, as Lucee's)
      const modifier = mods.find((m) => m === 'final' || m === 'abstract');
      if (modifier && attrs.modifier === undefined) attrs.modifier = modifier;
      const func: A.FuncExpr = { kind: 'func', name: name.image, params, body, arrow: false, returnType, access, attrs, isStatic, loc: this.loc(first) };
      return { kind: 'funcdecl', func, loc: func.loc } as A.FuncDecl;
    });
  });

  /** The value of a declaration attribute: a string, a number, a boolean or a bare name (`output=false`). */
  private annotationValue = this.RULE('annotationValue', (): string => {
    const v = this.OR([
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.NameLike) },
    ]);
    return this.ACTION(() => (v.tokenType === T.StringLit ? v.image.slice(1, -1).replace(v.image[0] === '"' ? /""/g : /''/g, v.image[0]!) : v.image));
  });

  /**
   * `component [attr=value ...] { body }` / `interface ... { }`: the declaration of a .cfc in
   * script. It becomes the same node as `<cfcomponent>`, so both forms build one component.
   */
  private isComponentDecl(): boolean {
    // `abstract component` / `final component`: a modifier may come first
    const k = this.LA(1).tokenType === T.Identifier && /^(abstract|final)$/i.test(this.LA(1).image) && /^component$/i.test(this.LA(2).image) ? 1 : 0;
    const t1 = this.LA(1 + k);
    if (t1.tokenType !== T.Identifier) return false;
    const lower = t1.image.toLowerCase();
    if (lower !== 'component' && lower !== 'interface') return false;
    const t2 = this.LA(2 + k).tokenType;
    if (t2 === T.LBrace) return true;
    return (t2 === T.Identifier || T.isKeyword(this.LA(2 + k))) && this.LA(3 + k).tokenType !== T.LParen && this.LA(3 + k).tokenType !== T.Dot;
  }

  private componentDecl = this.RULE('componentDecl', (): A.Stmt => {
    const attrs: A.AttrNode[] = [];
    this.OPTION2({
      GATE: () => /^(abstract|final)$/i.test(this.LA(1).image) && /^component$/i.test(this.LA(2).image),
      DEF: () => {
        const m = this.CONSUME2(T.Identifier);
        this.ACTION(() => attrs.push({ name: 'modifier', lower: 'modifier', value: { kind: 'lit', value: m.image.toLowerCase(), loc: this.loc(m) }, loc: this.loc(m) }));
      },
    });
    const kw = this.CONSUME(T.Identifier);
    this.MANY(() => {
      const k = this.CONSUME(T.NameLike);
      let value: A.Expr | undefined;
      this.OPTION(() => {
        this.CONSUME(T.Assign);
        value = this.SUBRULE(this.ternary);
      });
      this.ACTION(() => attrs.push({ name: k.image, lower: k.image.toLowerCase(), value: value ?? { kind: 'lit', value: '', loc: this.loc(k) }, loc: this.loc(k) }));
    });
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: 'tag', name: kw.image.toLowerCase(), attrs, body, loc: this.loc(kw), fromScript: true }) as A.TagNode);
  });

  /** `static { ... }` inside a script component. */
  private staticBlock = this.RULE('staticBlock', (): A.Stmt => {
    const t = this.CONSUME(T.Identifier);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: 'staticblock', body, loc: this.loc(t) }) as A.StaticBlock);
  });

  /**
   * Tag statements: `imap action="getAll" name="q";`, `savecontent variable="x" { ... }`,
   * `include "x.cfm";`, `param name="x" default="1";`, `abort "reason";`, `throw message="x";`.
   */
  private isTagStatement(): boolean {
    const t1 = this.LA(1);
    if (t1.tokenType !== T.Identifier && t1.tokenType !== T.Throw) return false;
    const t2 = this.LA(2);
    const shorthand = this.shorthandOf(t1.image);
    if (shorthand && (t2.tokenType === T.StringLit || t2.tokenType === T.Semicolon)) return true;
    // include name; / include dir & "/x.cfm";: the template is any expression
    if (shorthand?.expression && t2.tokenType === T.Identifier && this.LA(3).tokenType !== T.Assign) return true;
    // transaction { ... }: the one body tag that is commonly written without attributes
    if (t1.image.toLowerCase() === 'transaction' && t2.tokenType === T.LBrace) return true;
    // tags whose TagDef says they are written bare: `logout;`, `login { ... }`
    if ((t2.tokenType === T.LBrace || t2.tokenType === T.Semicolon) && this.tags?.get(t1.image.toLowerCase())?.scriptBare) return true;
    if (!(t2.tokenType === T.Identifier || T.isKeyword(t2))) return false;
    const t3 = this.LA(3).tokenType;
    return t3 === T.Assign || t3 === T.Semicolon || t3 === T.LBrace || t3 === T.Identifier;
  }

  /** The script shorthand a tag statement's TagDef declares (`include "x";`), if any. */
  private shorthandOf(name: string): TagDef['scriptShorthand'] {
    return this.tags?.get(name.toLowerCase())?.scriptShorthand;
  }

  /** `cfloop(from=1, to=3, index="i") { ... }`: a tag called like a function, with a body. */
  private isTagCallWithBody(): boolean {
    if (this.LA(1).tokenType !== T.Identifier || !/^cf[a-z_]/i.test(this.LA(1).image) || this.LA(2).tokenType !== T.LParen) return false;
    let depth = 0;
    for (let i = 2; i < 500; i++) {
      const tt = this.LA(i).tokenType;
      if (tt === T.LParen) depth++;
      else if (tt === T.RParen) {
        if (--depth === 0) return this.LA(i + 1).tokenType === T.LBrace;
      } else if (tt.name === 'EOF') return false;
    }
    return false;
  }

  private tagCallWithBody = this.RULE('tagCallWithBody', (): A.Stmt => {
    const nameTok = this.CONSUME(T.Identifier);
    const args = this.SUBRULE(this.callArgs);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: 'tag', name: nameTok.image.slice(2).toLowerCase(), attrs: tagCallAttrs(args, nameTok.image, this.loc(nameTok)), body, loc: this.loc(nameTok), fromScript: true }) as A.TagNode);
  });

  private tagStatement = this.RULE('tagStatement', (): A.Stmt => {
    const nameTok = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Throw) }]);
    const attrs: A.AttrNode[] = [];
    let shorthand: A.Expr | undefined;
    this.OR3([
      {
        GATE: () => !!this.shorthandOf(nameTok.image)?.expression && this.LA(2).tokenType !== T.Assign,
        ALT: () => { shorthand = this.SUBRULE(this.ternary); },
      },
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLit);
          shorthand = this.ACTION(() => this.stringParts(s.image.slice(1, -1), s.image[0]!, this.loc(s)));
        },
      },
      { ALT: () => undefined },
    ]);
    this.MANY(() => {
      const k = this.CONSUME(T.NameLike);
      let value: A.Expr | undefined;
      this.OPTION2(() => {
        this.CONSUME(T.Assign);
        value = this.SUBRULE(this.ternary);
      });
      this.ACTION(() => attrs.push({ name: k.image, lower: k.image.toLowerCase(), value: value ?? { kind: 'lit', value: true, loc: this.loc(k) }, loc: this.loc(k) }));
    });
    let body: A.Stmt[] | undefined;
    this.OR2([
      { ALT: () => { body = this.SUBRULE(this.block); } },
      { ALT: () => { this.CONSUME(T.Semicolon); } },
      { ALT: () => undefined },
    ]);
    return this.ACTION(() => {
      const name = nameTok.image.toLowerCase().replace(/^cf/, '');
      const loc = this.loc(nameTok);
      if (shorthand) {
        const attr = this.shorthandOf(nameTok.image)?.attr ?? 'value';
        attrs.unshift({ name: attr, lower: attr, value: shorthand, loc });
      }
      return { kind: 'tag', name, attrs, body, loc, fromScript: true } as A.TagNode;
    });
  });
}


/** `a.b.C` as written (a name or a dotted member chain), else undefined. */
function dottedName(e: A.Expr): string | undefined {
  if (e.kind === 'var') return e.name;
  if (e.kind === 'scope') return e.name;
  if (e.kind === 'member') {
    const head = dottedName(e.object);
    return head === undefined ? undefined : head + '.' + e.name;
  }
  return undefined;
}

type BinItem = { kind: 'not'; loc: SourceLoc } | { kind: 'operand'; expr: A.Expr } | { kind: 'op'; token: IToken };

/** Lucee's precedence, loosest first; NOT sits between AND and the comparisons. */
const NOT_PREC = 6;
function opInfo(t: IToken): [A.BinaryOp, number] {
  const tt = t.tokenType;
  if (tt === T.Imp) return ['imp', 1];
  if (tt === T.Eqv) return ['eqv', 2];
  if (tt === T.Xor) return ['xor', 3];
  if (tt === T.Or || tt === T.OrOr) return ['or', 4];
  if (tt === T.And || tt === T.AndAnd) return ['and', 5];
  if (tt === T.Amp) return ['&', 8];
  if (tt === T.Plus) return ['+', 9];
  if (tt === T.Minus) return ['-', 9];
  if (tt === T.Mod || tt === T.Percent) return ['mod', 10];
  if (tt === T.Star) return ['*', 11];
  if (tt === T.Slash) return ['/', 11];
  if (tt === T.Backslash) return ['\\', 11];
  if (tt === T.Caret || tt === T.Exp) return ['^', 12];
  return [COMPARE[tt.name]!, 7];
}

function climbAll(items: BinItem[]): A.Expr {
  let i = 0;
  const unit = (): A.Expr => {
    const it = items[i++]!;
    if (it.kind === 'not') {
      const e = climb(NOT_PREC + 1);
      return { kind: 'unary', op: 'not', expr: e, loc: it.loc };
    }
    return (it as { expr: A.Expr }).expr;
  };
  const climb = (min: number): A.Expr => {
    let left = unit();
    for (;;) {
      const it = items[i];
      if (!it || it.kind !== 'op') return left;
      const [op, prec] = opInfo(it.token);
      if (prec < min) return left;
      i++;
      const right = climb(prec + 1);
      left = { kind: 'bin', op, left, right, loc: left.loc };
    }
  };
  return climb(0);
}

export { T };
