/**
 * Functions whose body runs an asynchronous tag (as <cfimap> does), called inside expressions:
 * the statement waits and replays, so each call runs exactly once.
 */
import { describe, expect, it } from 'vitest';
import { Engine, defineTag, Signal, CfmlError } from '../../src/index.js';

function engine() {
  const e = new Engine();
  e.registerTag(defineTag({
    name: 'pause',
    async run() {
      await new Promise((r) => setTimeout(r, 1));
      return Signal.Normal;
    },
  }));
  return e;
}

const lib = `<cffunction name="twice"><cfargument name="x"><cfpause><cfreturn x * 2></cffunction>
<cffunction name="tick"><cfset calls = calls + 1><cfpause><cfreturn calls></cffunction>
<cfset calls = 0>`;

describe('async functions inside expressions', () => {
  it('run once each, in order, anywhere in a simple statement', async () => {
    const out = await engine().renderString(`${lib}<cfoutput>#twice(2) + twice(3)#|#len(twice(50))#|#tick()#-#tick()#|#calls#</cfoutput>`);
    expect(out.trim()).toBe('10|3|1-2|2');
  });

  it('work in cfset, script statements and arguments of built-ins', async () => {
    const out = await engine().renderString(`${lib}<cfset a = [twice(1), tick()]><cfscript>b = arrayLen(a) + tick(); writeOutput(serializeJSON(a) & " " & b & " " & twice(tick()));</cfscript>`);
    expect(out.trim()).toBe('[2,1] 4 6');
  });

  it('an error thrown after the function went async is still catchable and located', async () => {
    const e = engine();
    const out = await e.renderString(`<cffunction name="bad"><cfpause><cfreturn 1 / 0></cffunction><cftry><cfoutput>#bad() + 1#</cfoutput><cfcatch><cfoutput>caught #cfcatch.type#</cfoutput></cfcatch></cftry>`);
    expect(out).toBe('caught Expression');
  });

  it('in the condition of an if: a clear error that says what to do', async () => {
    const err = await engine().renderString(`${lib}<cfif twice(1) eq 2>yes</cfif>`).catch((x) => x);
    expect(err).toBeInstanceOf(CfmlError);
    expect(err.message).toMatch(/assign its result to a variable first/);
  });
});
