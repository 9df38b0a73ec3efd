/**
 * W2: LiquidJS's todolist benchmark page rendered at 3
 * and 100 todos by cfml-engine, Handlebars, LiquidJS and Eta in one process, interleaved rounds.
 * Each engine runs as its users would in production: templates compiled once and cached, never
 * checked against their files again (cfml-engine: inspectTemplates "never"; the default "once"
 * costs a stat of each file per render), partials from its own loader, the two helpers (`url`, `capitalize`) registered the engine's way; every engine keeps its
 * default escaping (Handlebars and Eta escape HTML, LiquidJS and CFML do not).
 * Run alone: `node --import tsx bench/todolist.ts` (after `npm run build`).
 *
 * The other engines' templates and the data are LiquidJS's, read at run time from
 * ../shared/bench/todolist (or $TODOLIST_DIR), never copied into this project; our CFML port
 * (todolist.cfm, todo-icon.cfm) is in bench/todolist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import { Eta } from 'eta';
import { Engine } from '../dist/index.js';
import { cpuTimeIt, median } from './stats.js';

const cfmlDir = path.join(import.meta.dirname, 'todolist');
const dir = path.resolve(process.env.TODOLIST_DIR ?? path.join(import.meta.dirname, '../../shared/bench/todolist'));
const read = (f: string) => {
  if (!fs.existsSync(path.join(dir, f))) throw new Error(`W2 needs LiquidJS's todolist benchmark files in ${dir} (../shared/bench/todolist beside the project, or set TODOLIST_DIR)`);
  return fs.readFileSync(path.join(dir, f), 'utf8');
};
const url = (s: string) => s;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

interface Data {
  categories: { color: string; id: string; title: string }[];
  todos: { title: string; id: string; category: string }[];
}

/** The page's data with `n` todos (the file's 3 repeated, ids numbered on). */
export function todoData(n: number): Data {
  const base = JSON.parse(read('todolist.json')) as Data;
  const todos = Array.from({ length: n }, (_, i) => ({ ...base.todos[i % base.todos.length]!, id: `TODO${i + 1}` }));
  return { categories: base.categories, todos };
}

/** One render function per engine, each taking the page's data and returning the HTML. */
export function todoRenderers(): Record<string, (d: Data) => unknown> {
  const hbs = Handlebars.create();
  hbs.registerHelper({ url, capitalize, inc: (i: number) => i + 1, concat: (...a: unknown[]) => a.slice(0, -1).join(''), upcase: (s: string) => s.toUpperCase() });
  hbs.registerPartial('todo-icon', read('todo-icon.hbs'));
  const hbsPage = hbs.compile(read('todolist.hbs'));

  const liquid = new Liquid({ root: dir, extname: '.liquid', cache: true });
  liquid.registerFilter('url', url);
  const liquidPage = liquid.parse(read('todolist.liquid'));

  const eta = new Eta({ views: dir, cache: true });
  eta.loadTemplate('@todolist', read('todolist.eta'));

  const engine = new Engine({
    inspectTemplates: 'never',
    functions: [
      { name: 'urlFor', params: [{ name: 'path', type: 'string', required: true }], impl: (_c, s: string) => url(s) },
      { name: 'capitalize', params: [{ name: 'text', type: 'string', required: true }], impl: (_c, s: string) => capitalize(s) },
    ],
  });
  const cfmlPage = path.join(cfmlDir, 'todolist.cfm');
  return {
    'cfml-engine': (d) => engine.renderFile(cfmlPage, { variables: d as unknown as Record<string, unknown> }),
    Handlebars: (d) => hbsPage(d),
    LiquidJS: (d) => liquid.renderSync(liquidPage, d),
    Eta: (d) => eta.render('@todolist', { ...d, url, capitalize }),
  };
}

/** Median CPU µs per render of each engine at `n` todos: interleaved rounds, after a warm-up. */
export async function benchTodolist(n: number, rounds = 9): Promise<Record<string, number>> {
  const data = todoData(n);
  const fns = todoRenderers();
  const times = Math.max(40, Math.round(8000 / n));
  for (const f of Object.values(fns)) await cpuTimeIt(() => f(data), times * 3);
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of Object.entries(fns)) (samples[name] ??= []).push(await cpuTimeIt(() => f(data), times));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v) * 1000]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const n of [3, 100]) {
    const us = await benchTodolist(n);
    const c = us['cfml-engine']!;
    console.log(`W2 todolist ${n} todos: ` + Object.entries(us).map(([k, v]) => `${k} ${v.toFixed(1)} µs`).join(', '));
    console.log(`   cfml / Handlebars ${(c / us.Handlebars!).toFixed(2)}x, / LiquidJS ${(c / us.LiquidJS!).toFixed(2)}x, / Eta ${(c / us.Eta!).toFixed(2)}x`);
  }
}
