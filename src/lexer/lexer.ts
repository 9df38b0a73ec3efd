import { Lexer, type ILexingResult } from 'chevrotain';
import { lexerDefinition } from './tokens.js';

/** One lexer for the whole engine, built once: modes text (template), tag and expr (script). */
export const cfmlLexer = new Lexer(lexerDefinition, {
  positionTracking: 'full',
  ensureOptimizations: true,
  skipValidations: true,
});

export function lexTemplate(source: string): ILexingResult {
  return cfmlLexer.tokenize(source, 'text');
}

export function lexExpression(source: string): ILexingResult {
  return cfmlLexer.tokenize(source, 'expr');
}

export function lexTagBody(source: string): ILexingResult {
  return cfmlLexer.tokenize(source, 'tag');
}
