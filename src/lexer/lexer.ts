import { Lexer, type ILexingResult } from 'chevrotain';
import { lexerDefinition } from './tokens.js';

/**
 * One lexer for the whole engine (modes: text for templates, tag, expr for script), built on
 * first use: a run whose templates all come from the compiled-template cache never builds it.
 */
let lexer: Lexer | undefined;
function cfmlLexer(): Lexer {
  return (lexer ??= new Lexer(lexerDefinition, {
    positionTracking: 'onlyStart',
    ensureOptimizations: true,
    skipValidations: true,
  }));
}

export function lexTemplate(source: string): ILexingResult {
  return cfmlLexer().tokenize(source, 'text');
}

export function lexExpression(source: string): ILexingResult {
  return cfmlLexer().tokenize(source, 'expr');
}
