/**
 * Child process of the Lucee test runner (lucee-runner.ts): runs one spec component per message
 * in a fresh Engine, through our LuceeTestCase (scripts/conformance/lucee/), and sends every test's
 * result as soon as it is known ({id, result}), then {id, done} or {id, error} when the file could
 * not run (parse error, crash of the render). The parent kills the process on its time limit.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, formatError, CfmlError } from '../../src/index.js';

/** One spec file to run. */
export interface SpecJob {
  id: number;
  /** Absolute path of the spec .cfc. */
  file: string;
  /** The `test` directory of the Lucee checkout (mapped as /test). */
  luceeTestRoot: string;
  /** Substring of test names to run ("" for all). */
  filter: string;
  /** Labels that skip a suite or spec, with the reason. */
  skipLabels: Record<string, string>;
  /** Seconds the render may run. */
  timeout: number;
}

const base = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lucee', 'org', 'lucee', 'cfml', 'test');

process.on('unhandledRejection', () => {});

/** A CFML string literal for `s` (quotes doubled, # escaped). */
function lit(s: string): string {
  return "'" + s.replace(/'/g, "''").replace(/#/g, '##') + "'";
}

/** The page that instantiates the spec and runs it; its path sits beside the spec, so relative names resolve. */
function driver(job: SpecJob): string {
  const name = path.basename(job.file).replace(/\.cfc$/i, '');
  const config = JSON.stringify({ skipLabels: job.skipLabels });
  return `<cfscript>
request.$luceeRunner = deserializeJSON(${lit(config)});
server.getDatasource = function() { return {}; };
server.getTestService = function() { return {}; };
server._getTempDir = function(string name = "") { var d = getTempDirectory() & "lucee-runner-" & createUUID(); directoryCreate(d); return d; };
spec = createObject("component", ${lit(name)});
spec.$luceeRun(${lit(job.filter)});
</cfscript>`;
}

process.on('message', async (job: SpecJob) => {
  const engine = new Engine({
    logger: () => {},
    timeout: job.timeout,
    mappings: { '/org/lucee/cfml/test': base, '/test': job.luceeTestRoot },
    functions: [
      {
        name: 'luceeRunnerReport',
        params: [{ name: 'json', type: 'string', required: true }],
        impl: (_ctx, json: string) => {
          process.send!({ id: job.id, result: JSON.parse(json) });
          return null;
        },
      },
    ],
  });
  const file = path.join(path.dirname(job.file), '__lucee_runner__.cfm');
  try {
    await engine.renderString(driver(job), { file });
    process.send!({ id: job.id, done: true });
  } catch (e) {
    let error: string;
    if (e instanceof CfmlError) error = formatError(e).split('\n')[0]!;
    else error = `JS ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    process.send!({ id: job.id, error });
  } finally {
    void Promise.resolve(engine.close()).catch(() => {});
  }
});
process.send!({ ready: true });
