/**
 * Issue 8: every regular expression a page supplies goes through safeRegExp (bounded time or a
 * clear refusal), not only the re* functions: isValid("regex"), the Java string members
 * (matches, replaceAll, replaceFirst, split), query-of-queries LIKE and file-name filters. Each
 * case below blocked the whole process before (a sync RegExp that backtracks without end cannot be
 * stopped by the render timeout); each runs in a worker thread so that a regression fails the
 * test instead of stalling the runner.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, renderIsolated } from '../support/isolated-render.js';

beforeAll(() => ensureBuilt(), 300_000);

/** 40 a's and a b: `(a+)+$` tries about 2^40 ways to split the a's before it gives up. */
const S = '<cfset s = repeatString("a", 40) & "b">';

async function outputOf(page: string): Promise<string> {
  const r = await renderIsolated(S + page);
  expect(r, 'the render must end (it blocked the process before)').not.toHaveProperty('hang');
  if ('error' in r) throw new Error(`unexpected error: ${r.error.type}: ${r.error.message}`);
  return (r as { output: string }).output;
}

async function errorOf(page: string): Promise<{ cfml: boolean; type?: string; message: string }> {
  const r = await renderIsolated(S + page);
  expect(r, 'the render must end (it blocked the process before)').not.toHaveProperty('hang');
  expect(r).toHaveProperty('error');
  return (r as { error: { cfml: boolean; type?: string; message: string } }).error;
}

describe('catastrophic patterns outside the re* functions', () => {
  it('isValid("regex") answers in bounded time', async () => {
    expect(await outputOf('<cfoutput>#isValid("regex", s, "(a+)+$")#|#isValid("regex", "aab", "(a+)+b")#|#isValid("regex", s, "(?:a|aa)+")#</cfoutput>')).toBe('false|true|false');
  }, 120_000);

  it('isValid("regex") refuses a pattern that cannot be bounded, catchably', async () => {
    expect(await outputOf('<cftry><cfset isValid("regex", s, "(a+)+\\1$")><cfcatch type="expression"><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>')).toMatch(
      /regular expression \[\(a\+\)\+\\1\$\] passed to function \[isValid\].*refused/,
    );
  }, 120_000);

  it('String.matches with (?i) answers in bounded time', async () => {
    expect(await outputOf('<cfoutput>#s.matches("(?i)(A+)+$")#|#s.matches("(?i)A+B")#|#"ab#chr(10)#cd".matches("(?m)ab$.*")#</cfoutput>')).toBe('false|true|false');
  }, 120_000);

  it('String.replaceAll / replaceFirst / split with (?i) answer in bounded time', async () => {
    expect(await outputOf('<cfoutput>#s.replaceAll("(?i)(A+)+$", "x") EQ s#|#"aaab".replaceAll("(?i)(A+)+b", "x")#|#arrayLen(s.split("(?i)(A+)+c"))#|#"xAAbyab".replaceFirst("(?i)(a+)+b", "-")#</cfoutput>')).toBe('true|x|1|x-yab');
  }, 120_000);

  it('a Java member refuses a pattern that cannot be bounded, with an Expression error naming it', async () => {
    const e = await errorOf('<cfset s.replaceFirst("(a+)+\\1$", "x")>');
    expect(e).toMatchObject({ cfml: true, type: 'Expression' });
    expect(e.message).toMatch(/passed to function \[replaceFirst\].*refused/);
  }, 120_000);

  it('query-of-queries LIKE with many % answers in bounded time', async () => {
    const page = `<cfset q = queryNew("a", "varchar", [[s], ["xAAb"]])>
      <cfquery dbtype="query" name="r">select a from q where a like '${'%a'.repeat(12)}%c'</cfquery>
      <cfquery dbtype="query" name="r2">select a from q where a like '%A%a%B'</cfquery>
      <cfoutput>#r.recordCount#|#r2.recordCount#</cfoutput>`;
    expect((await outputOf(page)).trim()).toBe('0|2');
  }, 120_000);

  it('LIKE and file-name filters with a non-ASCII letter (no case rewrite possible) answer in bounded time', async () => {
    const page = `<cfset e = repeatString("é", 40) & "b"><cfset q = queryNew("a", "varchar", [[e], ["xÉÉb"]])>
      <cfquery dbtype="query" name="r">select a from q where a like '${'%é'.repeat(12)}%c'</cfquery>
      <cfquery dbtype="query" name="r2">select a from q where a like '%É%B'</cfquery>
      <cfoutput>#r.recordCount#|#r2.recordCount#</cfoutput>`;
    expect((await outputOf(page)).trim()).toBe('0|2');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-filter-'));
    try {
      fs.writeFileSync(path.join(dir, 'é'.repeat(100) + 'b.txt'), '');
      const files = `<cfset l = directoryList("${dir}", false, "name", "${'*é'.repeat(12)}*c")><cfset l2 = directoryList("${dir}", false, "name", "*É*B.TXT")><cfoutput>#arrayLen(l)#|#arrayLen(l2)#</cfoutput>`;
      expect(await outputOf(files)).toBe('0|1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a file-name filter with many * answers in bounded time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-filter-'));
    try {
      fs.writeFileSync(path.join(dir, 'a'.repeat(200) + 'b.txt'), '');
      fs.writeFileSync(path.join(dir, 'AaB.txt'), '');
      const page = `<cfset l = directoryList("${dir}", false, "name", "${'*a'.repeat(12)}*c")><cfset l2 = directoryList("${dir}", false, "name", "*a*b.TXT")><cfoutput>#arrayLen(l)#|#arrayLen(l2)#</cfoutput>`;
      expect(await outputOf(page)).toBe('0|2');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
