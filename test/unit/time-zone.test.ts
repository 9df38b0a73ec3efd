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
