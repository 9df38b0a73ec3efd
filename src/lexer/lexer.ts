import { Lexer, type ILexingResult } from 'chevrotain';
import { lexerDefinition, setImportPrefixes } from './tokens.js';

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

/**
 * Tokens of a template. `<prefix:name>` tags are tokens only for the prefixes the template
 * imports (`<cfimport prefix="ui" ...>`, found by a scan of the source before lexing).
 */
export function lexTemplate(source: string): ILexingResult {
  const prefixes = importedPrefixes(source);
  if (prefixes.length === 0) return cfmlLexer().tokenize(source, 'text');
  setImportPrefixes(prefixes);
  try {
    return cfmlLexer().tokenize(source, 'text');
  } finally {
    setImportPrefixes([]);
  }
}

/** The prefix attributes of the cfimport tags of a source, lower-case. */
function importedPrefixes(source: string): string[] {
  if (!/<cfimport\b/i.test(source)) return [];
  const out: string[] = [];
  for (const m of source.matchAll(/<cfimport\b[^>]*?\bprefix\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))/gi)) {
    const p = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    if (p) out.push(p);
  }
  return out;
}

export function lexExpression(source: string): ILexingResult {
  return cfmlLexer().tokenize(source, 'expr');
}
