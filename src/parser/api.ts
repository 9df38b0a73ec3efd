/**
 * The parser's entry points: everything that needs chevrotain, the lexers and the grammar. The
 * runtime reaches them through ./load.ts, so that a process running only pages whose parse is
 * cached (the CLI with its parse cache) never loads them.
 */
export { parseTemplate } from './template-parser.js';
export { parseExpression, parseScript } from './expressions.js';
