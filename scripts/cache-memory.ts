/**
 * Memory of a long-lived Engine rendering pages with request-chosen names (issue 8, item 10):
 * heap used after a full GC, every 25,000 renders. Run: node --expose-gc --import tsx scripts/cache-memory.ts [renders]
 * (uses the built package: npm run build first).
 */
import { Engine } from '../dist/index.js';

const total = Number(process.argv[2] ?? 200_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const engine = new Engine();
const page = `<cfset setVariable("v_" & url.k, 1)><cfparam name="p_#url.k#" default="1"><cfset st = {}><cfset st["k_#url.k#"] = 1><cfoutput>#isDefined("v_" & url.k)#</cfoutput>`;
const mb = () => {
  gc();
  return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
};
console.log(`renders 0: heap ${mb()} MB`);
const t0 = Date.now();
for (let i = 1; i <= total; i++) {
  await engine.renderString(page, { url: { k: String(i) } });
  if (i % 25_000 === 0) console.log(`renders ${i}: heap ${mb()} MB (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
