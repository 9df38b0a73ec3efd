/**
 * Fuzz inputs (issue 8, "Tests and measures"): golden pages with random mutations, random
 * token soups, and random but well-formed pages that call built-ins with hostile arguments
 * (huge numbers, out-of-range dates, request values as sizes and names).
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/index.js';

const goldenRoot = path.resolve(import.meta.dirname, '../golden');

/** Pages that touch files, the network or other pages are left out: a mutation could aim them anywhere. */
const OUTSIDE_WORLD = /cffile|cfdirectory|\bfile\w*\s*\(|directory\w*\s*\(|cfimap|cfhttp|cfmail|cfexecute|cfinclude|cfmodule|expandPath|cflog|writeLog/i;
/** Built-ins the generated calls leave out, for the same reason (and sleep, which only slows the run). */
const SKIP_FUNCTION = /^(file|directory|getTempDirectory|expandPath|writeLog|sleep|location|createObject|getFileInfo|cacheRemoveAll|sessionInvalidate|sessionRotate|render|include|getPageContext|writeDump|dump)/i;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return walk(p);
    return p.endsWith('.cfm') ? [p] : [];
  });
}

export const goldenPages: string[] = walk(goldenRoot)
  .sort()
  .map((f) => fs.readFileSync(f, 'utf8'))
  .filter((s) => !OUTSIDE_WORLD.test(s));

export const functionNames: string[] = new Engine().functions.names().filter((n) => !SKIP_FUNCTION.test(n));

const hostileNumbers = ['0', '1', '-1', '3', '0.5', '1e308', '-1e308', '2e9', '150000000', 'url.n', '999999999999', '-0', '1e-300'];
const hostileValues = [
  ...hostileNumbers,
  '"abc"', '""', '" "', 'true', '[]', '{}', '[1,2,3]', '{a:1,b:[2]}', 'createDate(2024,1,31)', 'now()', 'queryNew("a,b")',
  'repeatString("a", 100)', '"#"', '"a,b,,c"', '"(a+)+b"', '"%"', 'url.k', '"v_" & url.k', 'chr(0)', '"\u202e"', 'nullValue()',
];

const tokens = [
  '<cfset ', '<cfoutput>', '</cfoutput>', '<cfloop ', '</cfloop>', '<cfif ', '</cfif>', '<cfelse>', '<cfelseif ', '<cfscript>',
  '</cfscript>', '<cftry>', '<cfcatch>', '</cfcatch>', '</cftry>', '<cfparam name="p_#url.k#" default="1">', '<cffunction name="f">',
  '</cffunction>', '<cfreturn ', '<cfswitch expression="#x#">', '<cfcase value="1">', '</cfcase>', '</cfswitch>', '<cfsavecontent variable="s">',
  '</cfsavecontent>', '<cfbreak>', '<cfabort>', '<cfthrow message="m">', '<cfquery name="q" dbtype="query">', '</cfquery>',
  '<cfsetting requesttimeout="1">', '<cfdump var="#x#">',
  '#', '"', "'", '(', ')', '[', ']', '{', '}', '<!---', '--->', '>', '<', '/>', '=', ';', ',', '.', ':', '?', '&', '+', '-', '*',
  '/', '^', '%', '!', ' ', '\n', '##', '\\', '`', '=>', '++', '--', '&&', '||', '?:',
  'x', 'a', 'q', 's', 'i', 'url.n', 'variables', 'arguments', 'local', 'this', 'function', 'var', 'for', 'while', 'do', 'if', 'else',
  'return', 'new', 'in', 'eq', 'neq', 'gt', 'lt', 'and', 'or', 'not', 'mod', 'contains', 'try', 'catch', 'switch', 'case', 'default',
  'index="i"', 'from="1"', 'to="#url.n#"', 'condition="true"', 'array="#[1,2]#"', 'list="a,b"', 'query="q"', 'item="it"',
  ...hostileValues,
];

const tokenSoup = fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 60 }).map((t) => t.join(''));

const identifier = fc.constantFrom('x', 'a', 's', 'q', 'arr', 'st', 'url.n', 'variables.x', 'a[1]', 'st.k');

/** Well-formed expressions: literals, variables, calls of built-ins with hostile arguments, operators. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...hostileValues),
    identifier,
    fc.tuple(fc.constantFrom(...functionNames), fc.array(tie('e'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '&', ' mod ', ' eq ', ' lt ', ' and ', '\\'), tie('e')).map(([a, o, b]) => `(${a}${o}${b})`),
    fc.array(tie('e'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a}[${b}]`),
  ),
})).e;

const statement = fc.oneof(
  fc.tuple(identifier, expr).map(([v, e]) => `<cfset ${v} = ${e}>`),
  fc.tuple(expr, expr).map(([i, e]) => `<cfset arr = []><cfset arr[${i}] = ${e}>`),
  expr.map((e) => `<cfoutput>#${e}#</cfoutput>`),
  expr.map((e) => `<cfset "#${e}#" = 1>`),
  expr.map((e) => `<cfscript>x = ${e}; writeOutput(x);</cfscript>`),
  fc.tuple(expr, expr).map(([a, b]) => `<cfloop from="1" to="#${a}#" index="i"><cfset x = ${b}></cfloop>`),
  expr.map((e) => `<cfscript>for (k in ${e}) { writeOutput(k); }</cfscript>`),
  expr.map((e) => `<cfset arrayEach([1,2], function(v){ return ${e}; })>`),
);

const wellFormed = fc.array(statement, { minLength: 1, maxLength: 6 }).map((s) => s.map((x) => `<cftry>${x}<cfcatch></cfcatch></cftry>${x}`).join('\n'));

/** A golden page with 1 to 4 edits: a slice deleted or doubled, a token inserted, the end cut. */
const mutatedGolden = fc
  .tuple(
    fc.constantFrom(...goldenPages),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('delete', 'double', 'insert', 'cut'), fc.constantFrom(...tokens)), { minLength: 1, maxLength: 4 }),
  )
  .map(([page, edits]) => {
    let s = page;
    for (const [at, len, op, tok] of edits) {
      const i = s.length ? at % s.length : 0;
      if (op === 'delete') s = s.slice(0, i) + s.slice(i + len);
      else if (op === 'double') s = s.slice(0, i + len) + s.slice(i, i + len) + s.slice(i + len);
      else if (op === 'insert') s = s.slice(0, i) + tok + s.slice(i);
      else s = s.slice(0, i);
    }
    return s;
  });

/** Every kind of input, in the proportions the fuzz run uses. */
export const fuzzInput: fc.Arbitrary<string> = fc.oneof({ arbitrary: mutatedGolden, weight: 4 }, { arbitrary: tokenSoup, weight: 3 }, { arbitrary: wellFormed, weight: 3 });
