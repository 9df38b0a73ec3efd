/** The request time zone (setTimeZone) belongs to one render, also across its async waits. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

describe('request time zone', () => {
  it('concurrent renders keep their own zone across a sleep, and a new render starts in the process zone', async () => {
    const e = new Engine();
    const page = (zone: string) =>
      `<cfset setTimeZone("${zone}")><cfset sleep(30)><cfset d = createDateTime(2022, 6, 1, 8, 0, 0)>` +
      `<cfoutput>#getTimeZone()# #dateTimeFormat(d, "HH:nn XXX")# #dateTimeFormat(d, "yyyy-mm-dd HH:nn", "UTC")#</cfoutput>`;
    const [a, b] = await Promise.all([e.renderString(page('Pacific/Auckland')), e.renderString(page('America/Denver'))]);
    // 08:00 on 1 June 2022: Auckland is UTC+12 (winter), Denver UTC-6 (summer time)
    expect(a).toBe(`Pacific/Auckland 08:00 +12:00 2022-05-31 20:00`);
    expect(b).toBe(`America/Denver 08:00 -06:00 2022-06-01 14:00`);
    const fresh = await e.renderString('<cfoutput>#getTimeZone()#</cfoutput>');
    expect(fresh).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await e.close();
  });
});

describe('request time zone before any setTimeZone of the process', () => {
  it('a render that sets no zone runs outside AsyncLocalStorage (no cost for every promise); the first setTimeZone starts carrying zones', async () => {
    // a child process: the state is per process and the test above may already have set a zone here
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { Engine } from './src/index.ts';
      import { executionAsyncResource } from 'node:async_hooks';
      const e = new Engine();
      const seen = [];
      // how many async-local stores the running render's async resource holds
      e.registerFunction({ name: 'probeAls', params: [], impl: () => { seen.push(Object.getOwnPropertySymbols(executionAsyncResource()).length); return ''; } });
      const plain = await e.renderString('<cfset sleep(5)><cfoutput>#getTimeZone()##probeAls()#</cfoutput>');
      const [a, b] = await Promise.all([
        e.renderString('<cfset setTimeZone("Asia/Tokyo")><cfset sleep(20)><cfoutput>#getTimeZone()#</cfoutput>'),
        e.renderString('<cfset sleep(10)><cfoutput>#getTimeZone()#</cfoutput>'),
      ]);
      const after = await e.renderString('<cfoutput>#getTimeZone()##probeAls()#</cfoutput>');
      console.log(JSON.stringify({ plain, a, b, after, seen }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect({ ...r, seen: undefined }).toEqual({ plain: own, a: 'Asia/Tokyo', b: own, after: own });
    // before the first setTimeZone the render's async resource holds no store; afterwards it does
    expect(r.seen[0]).toBe(0);
    expect(r.seen[1]).toBeGreaterThan(0);
  });
});
