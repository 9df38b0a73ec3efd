/** callStackGet, getFunctionCalledName, isWddx, parameterExists (Lucee's rules, our values). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);

describe('callStackGet', () => {
  it('lists the frames innermost first with the line each frame is at', async () => {
    const out = await render(`<cfscript>
function inner() {
  return callStackGet();
}
function outer() {
  return inner();
}
cs = outer();
for (f in cs) writeOutput(f.function & ":" & f.lineNumber & ";");
</cfscript>`);
    expect(out).toBe('inner:3;outer:6;:8;');
  });
  it('offset and maxFrames cut the list; json and text forms', async () => {
    const out = await render(`<cfscript>
function f() { return callStackGet("text", 1, 1) & "|" & deserializeJSON(callStackGet("json"))[1].function; }
writeOutput(f());
</cfscript>`);
    expect(out).toMatch(/^[^|]*:3\|f$/);
    expect(out.split('|')[0]).not.toContain('.f()');
    await expect(render('<cfscript>callStackGet("xml");</cfscript>')).rejects.toThrow(/not valid/);
  });
  it('getFunctionCalledName names the running function, "" outside one', async () => {
    expect(await render('<cfscript>function whoAmI() { return getFunctionCalledName(); } writeOutput(whoAmI() & "[" & getFunctionCalledName() & "]");</cfscript>')).toBe('whoAmI[]');
  });
});

describe('isWddx and parameterExists', () => {
  it('isWddx knows a WDDX packet from other text and XML', async () => {
    const out = await render(`<cfwddx action="cfml2wddx" input="#[1, 2]#" output="p"><cfoutput>#isWddx(p)##isWddx("<root/>")##isWddx("plain")#</cfoutput>`);
    expect(out).toBe('truefalsefalse');
  });
  it('parameterExists is isDefined', async () => {
    expect(await render('<cfset here = 1><cfoutput>#parameterExists("here")##parameterExists("nowhere")##parameterExists("url.x")#</cfoutput>')).toBe('truefalsefalse');
  });
});
