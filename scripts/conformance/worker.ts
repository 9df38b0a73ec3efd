/**
 * Child process of the conformance runner: renders one example per message with a fresh Engine
 * and sends back the output or the formatted CFML error. The parent kills it on a timeout.
 */
import * as path from 'node:path';
import { Engine, formatError, CfmlError } from '../../src/index.js';

interface Job {
  id: number;
  source: string;
}

process.on('unhandledRejection', () => {});

process.on('message', async (job: Job) => {
  const engine = new Engine({ logger: () => {} });
  const file = path.join(process.cwd(), 'example.cfm');
  try {
    const output = await engine.renderString(job.source, { file });
    process.send!({ id: job.id, output });
  } catch (e) {
    let error: string;
    if (e instanceof CfmlError) {
      error = formatError(e).split('\n')[0]!;
    } else {
      error = `JS ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    process.send!({ id: job.id, error });
  } finally {
    void Promise.resolve(engine.close()).catch(() => {});
  }
});
process.send!({ ready: true });
