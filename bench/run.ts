/**
 * npm run bench: the ratios of issue 16, each against a baseline measured in the same run. The
 * in-process ones compare CPU time (process.cpuUsage, median of interleaved rounds), which a
 * loaded machine does not inflate the way it does wall time; W5 is wall time of whole processes.
 *  W1 parse throughput of a ~20 KB page (MB/s, warm) against LiquidJS's parse of a page of the same shape and size
 *  W2 the todolist page at 3 and 100 todos against Handlebars, LiquidJS and Eta (bench/todolist.ts)
 *  W3 a 100,000-iteration cfloop/cfset/cfif loop against the same logic in JS with a Map scope
 *  C1 a component method call against a plain UDF call, C2 `new Point(i, i)` against structNew() + 2 sets
 *  W5 CLI cold start of samples/hello.cfm against `node -e 0`, interleaved: wall time, and on Linux
 *     also the CPU time of the processes
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// the built package, as users run it (the TS sources under tsx carry per-closure naming overhead)
import { Engine, parseTemplate } from '../dist/index.js';
import { Liquid } from 'liquidjs';
import { compare, median } from './stats.js';
import { benchTodolist } from './todolist.js';

const root = path.resolve(import.meta.dirname, '..');
const engine = new Engine();

// ---- W1: parse ---------------------------------------------------------------------------------
function page20k(): string {
  const block = `<h2>Orders for <cfoutput>#customer.name#</cfoutput></h2>
<cfset total = 0>
<cfloop from="1" to="#arrayLen(orders)#" index="i">
  <cfset order = orders[i]>
  <cfif order.status EQ "open" AND order.amount GT 100>
    <cfset total = total + order.amount>
    <cfoutput><tr class="#i mod 2 ? 'odd' : 'even'#"><td>#i#</td><td>#encodeForHTML(order.title)#</td><td>#numberFormat(order.amount, "9,999.99")#</td></tr></cfoutput>
  <cfelseif order.status IS "closed">
    <cfoutput><tr><td colspan="3">closed on #dateFormat(order.closed, "mmm d, yyyy")#</td></tr></cfoutput>
  <cfelse>
    <!--- nothing to show --->
  </cfif>
</cfloop>
<p>Some plain HTML text that a real page has a lot of, with <a href="/orders?page=2">links</a> and <b>markup</b>.</p>
`;
  let s = '';
  while (s.length < 20_000) s += block;
  return s;
}

/** The same page in Liquid: the same markup, loop, branches, filters and comment, block for block. */
function liquidPage20k(): string {
  const block = `<h2>Orders for {{ customer.name }}</h2>
{% assign total = 0 %}
{% for order in orders %}
  {% if order.status == "open" and order.amount > 100 %}
    {% assign total = total | plus: order.amount %}
    <tr class="{% cycle 'odd', 'even' %}"><td>{{ forloop.index }}</td><td>{{ order.title | escape }}</td><td>{{ order.amount | round: 2 }}</td></tr>
  {% elsif order.status == "closed" %}
    <tr><td colspan="3">closed on {{ order.closed | date: "%b %d, %Y" }}</td></tr>
  {% else %}
    {% comment %} nothing to show {% endcomment %}
  {% endif %}
{% endfor %}
<p>Some plain HTML text that a real page has a lot of, with <a href="/orders?page=2">links</a> and <b>markup</b>.</p>
`;
  let s = '';
  while (s.length < 20_000) s += block;
  return s;
}

const src = page20k();
const liquidSrc = liquidPage20k();
const liquid = new Liquid();
const tags = engine.tags;
const parseCfml = () => parseTemplate(src, 'bench.cfm', tags);
const parseLiquid = () => liquid.parse(liquidSrc);
for (let i = 0; i < 200; i++) (parseCfml(), parseLiquid()); // warm: lexers and parsers built, JIT settled
const [parseMs, liquidParseMs] = await compare(parseCfml, parseLiquid, { rounds: 9, times: 40, cpu: true });
const mbps = src.length / 1e6 / (parseMs / 1000);
const liquidMbps = liquidSrc.length / 1e6 / (liquidParseMs / 1000);

// ---- W2: the todolist page against Handlebars, LiquidJS and Eta ------------------------------------
const w2 = { 3: await benchTodolist(3), 100: await benchTodolist(100) };

// ---- W3: interpreter loop ------------------------------------------------------------------------
const N = 100_000;
const loopSrc = `<cfset total = 0><cfloop from="1" to="#n#" index="i"><cfif i mod 3 eq 0><cfset total = total + i><cfoutput>#i#,</cfoutput></cfif></cfloop><cfoutput>#total#</cfoutput>`;
// parsed once, as a page in the template cache is; each run is a fresh render with its own scopes
const loopFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-')), 'loop.cfm');
fs.writeFileSync(loopFile, loopSrc);
const runCfml = () => engine.renderFile(loopFile, { variables: { n: N } });
/** The same logic by hand: variables in a Map (the realistic floor for a CFML scope). */
function runJs(): string {
  const vars = new Map<string, unknown>();
  let out = '';
  vars.set('n', N);
  vars.set('total', 0);
  const to = vars.get('n') as number;
  for (let i = 1; i <= to; i++) {
    vars.set('i', i);
    if ((vars.get('i') as number) % 3 === 0) {
      vars.set('total', (vars.get('total') as number) + (vars.get('i') as number));
      out += String(vars.get('i')) + ',';
    }
  }
  return out + String(vars.get('total'));
}
if ((await runCfml()) !== runJs()) throw new Error('the CFML loop and the JS baseline disagree');
const [cfmlMs, jsMs] = await compare(runCfml, runJs, { rounds: 11, times: 5, cpu: true });

// ---- C1/C2: components -------------------------------------------------------------------------------
// C1: a method call obj.add(i, 1) against a plain UDF call in the same 100k loop (target <= 1.5x);
// C2: new Point(i, i) of a two-property component against structNew() plus two sets (target <= 3x).
const cfcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-cfc-'));
const writePage = (name: string, text: string) => (fs.writeFileSync(path.join(cfcDir, name), text), path.join(cfcDir, name));
writePage('Calc.cfc', 'component { function add(a, b) { return a + b; } }');
writePage('Point.cfc', 'component { property x; property y; function init(x, y) { variables.x = arguments.x; variables.y = arguments.y; return this; } }');
const methodPage = writePage('method.cfm', '<cfscript>c = new Calc(); t = 0; for (i = 1; i <= n; i++) { t = c.add(i, 1); } writeOutput(t);</cfscript>');
const udfPage = writePage('udf.cfm', '<cfscript>function add(a, b) { return a + b; } t = 0; for (i = 1; i <= n; i++) { t = add(i, 1); } writeOutput(t);</cfscript>');
const newPage = writePage('new.cfm', '<cfscript>for (i = 1; i <= n; i++) { p = new Point(i, i); } writeOutput(i);</cfscript>');
const structPage = writePage('struct.cfm', '<cfscript>for (i = 1; i <= n; i++) { p = structNew(); p.x = i; p.y = i; } writeOutput(i);</cfscript>');
const render = (f: string) => () => engine.renderFile(f, { variables: { n: N } });
if ((await render(methodPage)()) !== (await render(udfPage)())) throw new Error('the method and UDF pages disagree');
const [methodMs, udfMs] = await compare(render(methodPage), render(udfPage), { rounds: 7, times: 3, cpu: true });
const [newMs, structMs] = await compare(render(newPage), render(structPage), { rounds: 7, times: 3, cpu: true });
fs.rmSync(cfcDir, { recursive: true, force: true });

// ---- W5: cold start --------------------------------------------------------------------------------
const cli = path.join(root, 'dist/cfml.cjs');
const hello = path.join(root, 'samples/hello.cfm');
/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc (Linux;
 * 10 ms ticks, so only sums over many runs mean anything), or undefined elsewhere. On a loaded
 * machine the wall time of a short process is mostly its wait for a core.
 */
const childCpu = (): number | undefined => {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[13]) + Number(f[14])) * 10; // cutime, cstime (fields 16-17), at 100 ticks/s
  } catch {
    return undefined;
  }
};
const cpuSum = { cold: 0, coldNoCache: 0, nodeOnly: 0 };
const wall = (args: string[], cpuKey?: keyof typeof cpuSum) => {
  const c0 = childCpu();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const c1 = childCpu();
  if (cpuKey && c0 !== undefined && c1 !== undefined) cpuSum[cpuKey] += c1 - c0;
  return t;
};
wall([cli, hello]); // fills the parsed-template cache, as any earlier run of the page would
const cold: number[] = [];
const coldNoCache: number[] = [];
const nodeOnly: number[] = [];
for (let r = 0; r < 15; r++) {
  cold.push(wall([cli, hello], 'cold'));
  coldNoCache.push(wall([cli, '--no-cache', hello], 'coldNoCache'));
  nodeOnly.push(wall(['-e', '0'], 'nodeOnly'));
}

const rows = [
  ['W1 parse 20 KB page (warm), CFML / LiquidJS', `${(mbps / liquidMbps).toFixed(2)}x`, `${mbps.toFixed(1)} vs ${liquidMbps.toFixed(1)} MB/s (${(src.length / 1000).toFixed(1)} / ${(liquidSrc.length / 1000).toFixed(1)} KB)`, 'target >= 1.0x throughput'],
  ...([3, 100] as const).flatMap((n) => {
    const t = w2[n];
    const c = t['cfml-engine']!;
    const us = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} µs`;
    return [
      [`W2 todolist ${n} todos, CFML / Handlebars`, `${(c / t.Handlebars!).toFixed(2)}x`, `${us(c)} vs ${us(t.Handlebars!)}`, 'target <= 1.0x'],
      [`W2 todolist ${n} todos, CFML / Eta`, `${(c / t.Eta!).toFixed(2)}x`, `${us(c)} vs ${us(t.Eta!)}`, 'target <= 3x'],
      [`W2 todolist ${n} todos, CFML / LiquidJS`, `${(c / t.LiquidJS!).toFixed(2)}x`, `${us(c)} vs ${us(t.LiquidJS!)}`, ''],
    ];
  }),
  ['W3 loop 100k, CFML / JS Map', `${(cfmlMs / jsMs).toFixed(2)}x`, `${cfmlMs.toFixed(1)} ms vs ${jsMs.toFixed(1)} ms`, 'target <= 1.5x'],
  ['C1 method call / UDF call, 100k', `${(methodMs / udfMs).toFixed(2)}x`, `${methodMs.toFixed(1)} ms vs ${udfMs.toFixed(1)} ms`, 'target <= 1.5x'],
  ['C2 new Point(i, i) / structNew + 2 sets', `${(newMs / structMs).toFixed(2)}x`, `${newMs.toFixed(1)} ms vs ${structMs.toFixed(1)} ms`, 'target <= 3x'],
  ['W5 cold start hello.cfm / node -e 0', `${(median(cold) / median(nodeOnly)).toFixed(2)}x`, `${median(cold).toFixed(0)} ms vs ${median(nodeOnly).toFixed(0)} ms`, 'target <= 1.3x'],
  ['W5 same, first run (no parse cache)', `${(median(coldNoCache) / median(nodeOnly)).toFixed(2)}x`, `${median(coldNoCache).toFixed(0)} ms`, 'target <= 1.8x'],
  ...(cpuSum.nodeOnly > 0
    ? [
        ['W5 cold start, CPU time / node -e 0', `${(cpuSum.cold / cpuSum.nodeOnly).toFixed(2)}x`, `${(cpuSum.cold / 15).toFixed(0)} ms vs ${(cpuSum.nodeOnly / 15).toFixed(0)} ms`, 'target <= 1.3x'],
        ['W5 first run, CPU time / node -e 0', `${(cpuSum.coldNoCache / cpuSum.nodeOnly).toFixed(2)}x`, `${(cpuSum.coldNoCache / 15).toFixed(0)} ms`, 'target <= 1.8x'],
      ]
    : []),
];
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(`${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padEnd(w[2]!)}  ${r[3]}`);
await engine.close();
fs.rmSync(path.dirname(loopFile), { recursive: true, force: true });
