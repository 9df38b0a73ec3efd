/** cftimer, cfstopwatch, cftimeout (Lucee's behaviour; a timed-out body is stopped at its next step). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);

describe('cftimer', () => {
  it('inline, outline and comment report the label and the time in the unit', async () => {
    expect(await render('<cftimer label="<b>" type="inline">x</cftimer>')).toMatch(/^x&#60;b&#62;: \d+ms$/);
    expect(await render('<cftimer label="L" type="outline" unit="micro">body</cftimer>')).toMatch(/^<fieldset class="cftimer">body<legend align="top">L: \d+us<\/legend><\/fieldset>$/);
    expect(await render('<cftimer label="c" type="comment" unit="nano"></cftimer>')).toMatch(/^<!-- c: \d+ns -->$/);
    expect(await render('<cftimer label="d">quiet</cftimer>')).toBe('quiet');
  });
  it('variable gets the time; a bad type or unit is an error', async () => {
    expect(await render('<cfscript>timer unit="milli" variable="t" { sleep(15); } writeOutput(t >= 14 && t < 5000);</cfscript>')).toBe('true');
    await expect(render('<cftimer type="loud">x</cftimer>')).rejects.toThrow(/valid values are \[comment, console, debug, inline, outline\]/);
    await expect(render('<cftimer unit="hours">x</cftimer>')).rejects.toThrow(/nano, micro, milli, second/);
  });
});

describe('cfstopwatch', () => {
  it('puts the milliseconds in the variable, or writes them', async () => {
    expect(await render('<cfscript>stopwatch variable="w" { sleep(5); } writeOutput(isNumeric(w) && w >= 4);</cfscript>')).toBe('true');
    expect(await render('<cfstopwatch label="lap">b</cfstopwatch>')).toMatch(/^b<table class="cfstopwatch"><tr><td>lap<\/td><td>\d+<\/td><\/tr><\/table>$/);
  });
});

describe('cftimeout', () => {
  it('a body within its time runs as usual', async () => {
    expect(await render('<cfscript>timeout timespan=2 { writeOutput("done"); }</cfscript>')).toBe('done');
  });
  it('a body past its time stops, with an error or the onTimeout listener', async () => {
    const out = await render(`<cfscript>
      try { timeout timespan=0.05 { sleep(3000); writeOutput("not here"); } } catch (any e) { writeOutput(e.message); }
      timeout timespan=0.05 onTimeout=function(ts) { writeOutput("|listener " & (ts > 0)); } { while (true) {} }
    </cfscript>`);
    expect(out).toBe('a timeout occurred within the tag timeout|listener true');
  });
  it('an error in the body goes to onError with the catch struct, or on', async () => {
    const out = await render(`<cfscript>
      timeout timespan=1 onError=function(err) { writeOutput("caught " & err.message); } { throw "boom"; }
      try { timeout timespan=1 { throw "plain"; } } catch (any e) { writeOutput("|" & e.message); }
    </cfscript>`);
    expect(out).toBe('caught boom|plain');
  });
  it('the request time limit still applies outside the tag', async () => {
    const e = new Engine({ logger: () => {}, timeout: 1 });
    await expect(e.renderString('<cfscript>timeout timespan=5 { sleep(1500); }</cfscript>')).rejects.toThrow(/time limit/);
  });
});
