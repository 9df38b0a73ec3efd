/** <cfhtmlhead> with <cfflush>: before the flush the text lands in the head; after it, a clear error (as Lucee). */
import { it, expect } from 'vitest';
import { startSite } from '../support/web-site.js';
it('cfhtmlhead after cfflush is an error; before, it lands in the head', async () => {
  const s = await startSite({
    'a.cfm': '<html><head></head><body><cfflush>x<cftry><cfhtmlhead text="<t>"><cfcatch><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry></body></html>',
    'b.cfm': '<html><head></head><body><cfhtmlhead text="<t>"><cfflush>y</body></html>',
  });
  const a = await (await fetch(s.base + '/a.cfm')).text();
  const b = await (await fetch(s.base + '/b.cfm')).text();
  expect(a).toContain('[cfhtmlhead cannot be used after the response has been flushed]');
  expect(b).toBe('<html><head><t></head><body>y</body></html>');
  await s.close();
});
