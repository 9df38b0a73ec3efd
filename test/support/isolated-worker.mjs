// One render in a worker thread (see isolated-render.ts): a render that blocks its thread (a
// regular expression that backtracks without end) blocks this worker, never the test runner.
import { parentPort, workerData } from 'node:worker_threads';

const { Engine, CfmlError } = await import(workerData.engineUrl);
const engine = new Engine({ timeout: workerData.timeoutSeconds, logger: () => {} });

parentPort.on('message', async ({ source }) => {
  try {
    parentPort.postMessage({ output: await engine.renderString(source) });
  } catch (e) {
    parentPort.postMessage({ error: { cfml: e instanceof CfmlError, type: e?.type, message: String(e?.message ?? e) } });
  }
});
parentPort.postMessage({ ready: true });
