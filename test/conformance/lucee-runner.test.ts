/**
 * The Lucee test runner (scripts/conformance/lucee-runner.ts) on specs of our own in
 * lucee-fixture/test/specs, laid out as a Lucee checkout: BDD and MXUnit styles, each with a
 * passing, a failing and skipped tests, a test that calls a function the engine does not have,
 * a file that does not parse and one that loops until the time limit.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as path from 'node:path';
import { runLucee, type FileReport, type Totals } from '../../scripts/conformance/lucee-runner.js';
import { classify } from '../../scripts/conformance/lucee-classify.js';

const fixture = path.join(import.meta.dirname, 'lucee-fixture');

describe('Lucee test runner', () => {
  let files: FileReport[] = [];
  let totals: Totals;
  const lines: string[] = [];
  const file = (name: string) => files.find((f) => path.basename(f.file) === name)!;
  const test = (f: string, name: string) => file(f).tests.find((t) => t.name === name)!;

  beforeAll(async () => {
    ({ files, totals } = await runLucee({ dir: 'specs', lucee: fixture, timeout: 3, verbose: false }, (l) => lines.push(l)));
  }, 120_000);

  it('runs only the components that extend LuceeTestCase', () => {
    expect(files.map((f) => path.basename(f.file))).toEqual(['BddSpec.cfc', 'HangSpec.cfc', 'MxSpec.cfc', 'ParseErrorSpec.cfc']);
  });

  it('counts BDD specs: pass, fail, skips (skip=true, a database label, xit) and a missing function', () => {
    expect(file('BddSpec.cfc').tests.map((t) => t.status)).toEqual(['pass', 'fail', 'skip', 'skip', 'skip', 'missing']);
    expect(test('BddSpec.cfc', 'fails on a wrong value')).toMatchObject({ suite: 'a BDD suite', reason: 'Expected [99] but received [10]', line: 20 });
    expect(test('BddSpec.cfc', 'is skipped by a database label').reason).toMatch(/mysql: needs a MySQL database/);
    expect(test('BddSpec.cfc', 'needs a function the engine does not have').reason).toBe('function nosuchbuiltinfunctionanywhere');
  });

  it('counts MXUnit tests: public test* methods with setUp, skip=true and a Java test skipped', () => {
    expect(Object.fromEntries(file('MxSpec.cfc').tests.map((t) => [t.name, t.status]))).toEqual({
      testPasses: 'pass',
      testFails: 'fail',
      testSkipped: 'skip',
      testNeedsJava: 'skip',
    });
    expect(test('MxSpec.cfc', 'testFails')).toMatchObject({ reason: 'the list keeps its commas', line: 13 });
    expect(test('MxSpec.cfc', 'testNeedsJava').reason).toBe('needs Java');
  });

  it('fails a file that does not parse, with the reason', () => {
    const f = file('ParseErrorSpec.cfc');
    expect(f.status).toBe('error');
    expect(f.tests).toHaveLength(1);
    expect(f.tests[0]!.reason).toMatch(/ParseErrorSpec\.cfc:3:\d+: Syntax error/);
  });

  it('keeps the results before a test that runs past the time limit', () => {
    expect(file('HangSpec.cfc').tests.map((t) => [t.name, t.status])).toEqual([['testFirst', 'pass'], ['testHangs', 'fail']]);
  });

  it('ends with the totals line', () => {
    expect(totals).toMatchObject({ files: 4, passed: 3, failed: 4, skipped: 5, missing: 1 });
    expect(lines.at(-1)).toBe('lucee: 3 passed, 4 failed, 5 skipped');
  });
});

describe('classify', () => {
  it('a function the spec defines itself is a failure, not missing', () => {
    const r = { suite: '', name: 't', status: 'fail' as const, message: 'No matching function [HELPER] found' };
    expect(classify(r, 'function helper() {}').status).toBe('fail');
    expect(classify(r, '').status).toBe('missing');
  });
  it('a member function and a tag the engine lacks are missing', () => {
    expect(classify({ suite: '', name: 't', status: 'fail', message: 'No matching member function [foo] found for a String' }, '').reason).toBe('member string.foo');
    expect(classify({ suite: '', name: 't', status: 'fail', message: 'x.cfc:1:1: Unknown tag <cfzip>: no definition found' }, '').reason).toBe('tag cfzip');
  });
  it('a database error is a skip', () => {
    expect(classify({ suite: '', name: 't', status: 'fail', type: 'Database', message: 'no datasource' }, '')).toMatchObject({ status: 'skip', reason: 'needs a database' });
  });
});

describe('classify: outside Lucee core', () => {
  it('an image function or an internal request is a skip with the reason, not missing', () => {
    expect(classify({ suite: '', name: 't', status: 'fail', message: 'No matching function [IMAGENEW] found' }, '')).toMatchObject({ status: 'skip', reason: 'needs the image extension (function imagenew)' });
    expect(classify({ suite: '', name: 't', status: 'fail', message: 'No matching function [_INTERNALREQUEST] found' }, '').status).toBe('skip');
  });
});
