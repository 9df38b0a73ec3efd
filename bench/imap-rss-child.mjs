// The peak-memory half of bench/imap.ts: a CFML page doing <cfimap action="getAll"> over the
// mailbox named in the environment, rendered by the built package as a user runs it (no TS
// loader in the process). Prints rows, RSS before and peak RSS as JSON.
import { Engine } from '../dist/index.js';

const base = process.memoryUsage().rss;
let peak = base;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const engine = new Engine();
const page = `<cfimap action="getAll" server="${process.env.B_HOST}" port="${process.env.B_PORT}" username="${process.env.B_USER}" password="${process.env.B_PASS}" secure="no" name="q"><cfoutput>#q.recordCount#</cfoutput>`;
const rows = Number(await engine.renderString(page));
await engine.close();
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(JSON.stringify({ rows, baseRss: base, peakRss: peak }) + '\n');
