/**
 * Issue 8, item 12: a quoted name on the left of cfset or a script assignment names the variable
 * to set, as setVariable does (Lucee; Adobe documents `<cfset "myVar#i#" = v>`).
 */
import { describe, it, expect } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';

const engine = new Engine();
const render = (src: string, url?: Record<string, unknown>) => engine.renderString(src, { url });

describe('assignments by a quoted name', () => {
  it('<cfset "#n#" = 42> sets the variable named by n, not n', async () => {
    expect(await render('<cfset n = "abc"><cfset "#n#" = 42><cfoutput>#abc#|#n#</cfoutput>')).toBe('42|abc');
  });

  it('a scope prefix, a dotted path and a name built from parts', async () => {
    expect(await render('<cfset n = "abc"><cfset "variables.#n#" = 1><cfoutput>#variables.abc#</cfoutput>')).toBe('1');
    expect(await render('<cfset "a.b.c" = 5><cfoutput>#a.b.c#</cfoutput>')).toBe('5');
    expect(await render('<cfset i = 3><cfset "row_#i#_total" = 7><cfoutput>#row_3_total#</cfoutput>')).toBe('7');
    expect(await render('<cfset "request.#url.k#" = 8><cfoutput>#request.zz#</cfoutput>', { k: 'zz' })).toBe('8');
  });

  it('literal subscripts: x[2] and st["a b"]', async () => {
    expect(await render('<cfset x = [1,2]><cfset "x[2]" = 9><cfoutput>#x[2]#</cfoutput>')).toBe('9');
    expect(await render('<cfset st = {}><cfset "st[""a b""]" = 2><cfoutput>#st["a b"]#</cfoutput>')).toBe('2');
  });

  it('in script, with compound operators', async () => {
    expect(await render('<cfscript>n = "q"; "#n#" = 3; "v_#n#" = 1; "v_#n#" += 4; writeOutput(q & "," & v_q);</cfscript>')).toBe('3,5');
    expect(await render('<cfscript>function f(){ var n = "loc"; "local.#n#" = 6; return local.loc; } writeOutput(f());</cfscript>')).toBe('6');
  });

  it('a name that is not a variable name is an Expression error, never code that runs', async () => {
    for (const k of ['x[fileDelete("/tmp/none")]', 'a b', '1', 'x.', 'f()', '#']) {
      const e = await render('<cfset "#url.k#" = 1>', { k }).catch((x: unknown) => x);
      expect(e, k).toBeInstanceOf(CfmlError);
      expect((e as CfmlError).type).toBe('Expression');
      expect((e as CfmlError).message).toBe(`[${k}] is not a valid variable name`);
    }
  });

  it('setVariable and cfparam share the rule', async () => {
    // the same containers as the written assignment s.t[1] = 4 creates
    const direct = await render('<cfset s.t[1] = 4><cfoutput>#serializeJSON(s)#</cfoutput>');
    expect(await render('<cfset setVariable("s.t[1]", 4)><cfoutput>#serializeJSON(s)#</cfoutput>')).toBe(direct);
    expect(await render('<cfset "s.t[1]" = 4><cfoutput>#serializeJSON(s)#</cfoutput>')).toBe(direct);
    const e = await render('<cfparam name="#url.k#" default="1">', { k: 'a[sleep(100000)]' }).catch((x: unknown) => x);
    expect((e as CfmlError).message).toBe('[a[sleep(100000)]] is not a valid variable name');
  });
});
