/**
 * Issue 8, items 8 (non-HTTP), 9 and 11: time limits without holes, bounded allocations, and
 * built-in failures as Expression errors naming the function and the argument.
 */
import { describe, it, expect } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';

/** The error a page ends with (or undefined when it renders). */
async function errorOf(engine: Engine, src: string, url?: Record<string, unknown>): Promise<CfmlError | undefined> {
  try {
    await engine.renderString(src, { url });
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(CfmlError);
    return e as CfmlError;
  }
}

// 0.3 s: each page below would run for many seconds (or for ever) without the limit
const timed = new Engine({ timeout: 0.3 });
const plain = new Engine();

const list3000 = '<cfset l = repeatString("a,", 3000)>';
const arr3000 = '<cfset a = []><cfset arraySet(a, 1, 3000, 1)>';
const struct3000 = '<cfset st = {}><cfloop from="1" to="3000" index="k"><cfset st["k#k#"] = k></cfloop>';
const query3000 = '<cfset q = queryNew("c")><cfset queryAddRow(q, 3000)>';

describe('every loop form and callback iteration ends at the time limit (item 9)', () => {
  const pages: Record<string, string> = {
    'index loop': '<cfloop from="1" to="1e12" index="i"></cfloop>',
    'times loop': '<cfloop times="1e12"></cfloop>',
    'condition loop': '<cfloop condition="true"></cfloop>',
    'list loop': `${list3000}<cfloop list="#l#" index="x"><cfloop list="#l#" index="y"><cfloop list="#l#" index="z"></cfloop></cfloop></cfloop>`,
    'array loop': `${arr3000}<cfloop array="#a#" item="x"><cfloop array="#a#" item="y"><cfloop array="#a#" item="z"></cfloop></cfloop></cfloop>`,
    'collection loop': `${struct3000}<cfloop collection="#st#" item="x"><cfloop collection="#st#" item="y"><cfloop collection="#st#" item="z"></cfloop></cfloop></cfloop>`,
    'query loop': `${query3000}<cfloop query="q"><cfloop query="q"><cfloop query="q"></cfloop></cfloop></cfloop>`,
    'cfoutput query': `${query3000}<cfoutput query="q"><cfloop query="q"><cfloop query="q"></cfloop></cfloop></cfoutput>`,
    'script for': '<cfscript>for (i = 1; i > 0; i++) {}</cfscript>',
    'script while': '<cfscript>while (true) {}</cfscript>',
    'script do-while': '<cfscript>do {} while (true);</cfscript>',
    'script for-in': `${arr3000}<cfscript>for (x in a) { for (y in a) { for (z in a) {} } }</cfscript>`,
    arrayEach: `${arr3000}<cfset arrayEach(a, function(x) { arrayEach(a, function(y) {}); })>`,
    'arrayMap member': `${arr3000}<cfset a.map(function(x) { return a.map(function(y) { return y; }); })>`,
    arrayFilter: `${arr3000}<cfset arrayFilter(a, function(x) { arrayFilter(a, function(y) { return true; }); return true; })>`,
    arrayReduce: `${arr3000}<cfset arrayReduce(a, function(acc, x) { return arrayReduce(a, function(s, y) { return s + y; }, 0); }, 0)>`,
    'arraySort comparator': '<cfset a = []><cfloop from="1" to="3000000" index="i"><cfset a[i] = 3000000 - i></cfloop><cfset arraySort(a, function(x, y) { return x - y; })>',
    structEach: `${struct3000}<cfset structEach(st, function(k, v) { structEach(st, function(k2, v2) {}); })>`,
    listEach: `${list3000}<cfset listEach(l, function(x) { listEach(l, function(y) {}); })>`,
    queryEach: `${query3000}<cfset queryEach(q, function(r) { queryEach(q, function(r2) {}); })>`,
    'each on a struct': `${struct3000}<cfset st.each(function(k, v) { st.each(function(k2, v2) {}); })>`,
    recursion: '<cfscript>function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); } f(60);</cfscript>',
    'loop of few iterations with slow bodies': '<cfloop from="1" to="10" index="i"><cfset sleep(200)></cfloop>',
  };
  for (const [name, src] of Object.entries(pages)) {
    it(name, async () => {
      const e = await errorOf(timed, src);
      expect(e?.type, e?.message).toBe('RequestTimeout');
      expect(e!.message).toMatch(/exceeded the allowable time limit/);
    }, 60_000);
  }

  it('sleep longer than the time left wakes at the deadline and ends the render', async () => {
    const t0 = Date.now();
    const e = await errorOf(timed, '<cfset sleep(20000)>');
    expect(e?.type).toBe('RequestTimeout');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('cfsetting requesttimeout sets the limit too, catchable in cftry', async () => {
    const out = await plain.renderString('<cfsetting requesttimeout="0.2"><cftry><cfloop condition="true"></cfloop><cfcatch type="any"><cfoutput>#cfcatch.type#</cfoutput></cfcatch></cftry>');
    expect(out.trim()).toBe('RequestTimeout');
  });
});

describe('regular expressions are bounded (item 9)', () => {
  it('catastrophic patterns finish with the right answer', async () => {
    const out = await plain.renderString(
      '<cfset s = repeatString("a", 30)><cfoutput>#reFind("(a+)+b", s)#|#reFindNoCase("(A+)+B", s)#|#arrayLen(reMatch("(a|aa)+$", s & "b"))#|#reReplace(s, "(a+)+b", "x")#|#reFind("(a+)+b", s & "b")#|#serializeJSON(reFind("(a+)+(b)", s & "b", 1, true).pos)#</cfoutput>',
    );
    expect(out).toBe(`0|0|0|${'a'.repeat(30)}|1|[1,1,31]`);
  }, 30_000);

  it('case-insensitive patterns keep their meaning when rewritten', async () => {
    const out = await plain.renderString('<cfoutput>#reReplaceNoCase("Hello World", "[a-k]+", "_", "all")#|#reFindNoCase("WORLD", "hello world")#|#reMatchNoCase("(?<w>o\\w)", "fOo bOb").toList()#</cfoutput>');
    expect(out).toBe('_llo Worl_|7|Oo,Ob');
  });

  it('a pattern that cannot be bounded is refused with an Expression error naming the function', async () => {
    const e = await errorOf(plain, '<cfset reFind("(a+)+\\1b", repeatString("a", 30))>');
    expect(e?.type).toBe('Expression');
    expect(e?.message).toMatch(/regular expression \[\(a\+\)\+\\1b\] passed to function \[reFind\].*exponential time/);
  });
});

describe('allocations driven by request values are bounded (items 8 and 9)', () => {
  const cases: [string, RegExp][] = [
    ['<cfset a = []><cfset a[url.n] = 1>', /invalid array index \[150000000\]: an array can have at most 16777216 elements/],
    ['<cfset a = [1]><cfset arrayResize(a, 2e9)>', /Invalid argument \[size\] for function \[arrayResize\]: \[2000000000\] elements is more than the maximum/],
    ['<cfset a = [1]><cfset arraySet(a, 1, url.n, 0)>', /Invalid argument \[end\] for function \[arraySet\]/],
    ['<cfset q = queryNew("a")><cfset queryAddRow(q, 1e8)>', /Invalid argument \[number\] for function \[queryAddRow\]: \[100000000\] rows/],
    ['<cfset s = repeatString("ab", url.n)>', /Invalid argument \[count\] for function \[repeatString\]: \[300000000\] characters/],
    ['<cfset s = rJustify("a", url.n)>', /Invalid argument \[length\] for function \[rJustify\]/],
  ];
  for (const [src, want] of cases) {
    it(src, async () => {
      const e = await errorOf(plain, src, { n: '150000000' });
      expect(e?.type).toBe('Expression');
      expect(e?.message).toMatch(want);
    });
  }

  it('sizes under the limits still work', async () => {
    expect(await plain.renderString('<cfset a = []><cfset a[1000] = 1><cfoutput>#arrayLen(a)#</cfoutput>')).toBe('1000');
  });
});

describe('JS errors and NaN never reach users (item 11)', () => {
  const cases: [string, RegExp][] = [
    ['#dateFormat(createDate(300000,1,1))#', /invalid year \[300000\] for function \[createDate\]/],
    ['#chr(createDate(300000,1,1))#', /invalid year \[300000\] for function \[createDate\]/],
    ['#lJustify("a", 999999999999)#', /Invalid argument \[length\] for function \[lJustify\]: \[999999999999\]/],
    ['#arrayResize([1], 1e308)#', /Invalid argument \[size\] for function \[arrayResize\]/],
    ['#generateSecretKey("AES", 1e308)#', /Invalid argument \[keySize\] for function \[generateSecretKey\]/],
    ['#generateSecretKey("AES", 100)#', /Invalid argument \[keySize\] for function \[generateSecretKey\]: \[100\] is not a valid key size for \[AES\]/],
    ['#dateAdd("yyyy", 1e6, now())#', /function \[dateAdd\]: the resulting date is outside the range of dates/],
    ['#dateFormat(1e308)#', /Can't cast Number \[1e\+308\] to a value of type \[DateTime\]/],
    ['#createDateTime(275760, 12, 31)#', /invalid year \[275760\] for function \[createDateTime\]/],
  ];
  for (const [expr, want] of cases) {
    it(expr, async () => {
      const e = await errorOf(plain, `<cfoutput>${expr}</cfoutput>`);
      expect(e?.type).toBe('Expression');
      expect(e?.code).not.toBe('CF9000');
      expect(e?.message).toMatch(want);
    });
  }

  it('endless recursion (a function, cfretry) is a stack overflow CFML error, even when the stack is too full to run a RegExp', async () => {
    for (const src of ['<cftry><cfthrow message="x"><cfcatch><cfretry></cfcatch></cftry>', '<cfscript>function f() { return f(); } f();</cfscript>']) {
      const e = await errorOf(plain, src);
      expect(e?.message).toBe('Stack overflow: too deep recursion');
      expect(e?.type).toBe('Expression');
    }
  });

  it('a JS failure inside any built-in is an Expression error naming the function', async () => {
    const engine = new Engine({
      functions: [{ name: 'explode', params: [{ name: 'size', type: 'numeric', required: true }], impl: (_c, n: number) => 'x'.repeat(n * 1e9) }],
    });
    const e = await errorOf(engine, '<cfset explode(5)>');
    expect(e).toMatchObject({ type: 'Expression' });
    expect(e?.message).toBe('Invalid argument for function [explode]: an argument is out of range');
    const e2 = await errorOf(engine, '<cfset explode(1e300)>');
    expect(e2?.message).toBe('Invalid argument [size] for function [explode]: [1e+300] is out of range');
  });
  it('large arrays and queries go into arrays and queries element by element, not spread into one call (a stack overflow before)', async () => {
    const out = await new Engine().renderString(`<cfscript>
      big = []; arraySet(big, 1, 400000, 0);
      a = [1]; arrayAppend(a, big, true); arrayPrepend(a, big, true);
      s = [1, 2, 3]; removed = arraySplice(s, 2, 1, big);
      q = queryNew("c"); queryAddRow(q, 300000); one = queryNew("c"); queryAddRow(one, 1);
      queryPrepend(one, q); r = queryReverse(q);
      writeOutput(arrayLen(a) & " " & arrayLen(s) & " " & removed[1] & " " & one.recordCount & " " & r.recordCount);
    </cfscript>`);
    expect(out.trim()).toBe('800001 400002 2 300001 300000');
  });
});
