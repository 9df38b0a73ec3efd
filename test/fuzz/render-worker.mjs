// One fuzz worker (see pool.ts): renders the sources it is sent with the built engine and answers
// with the outcome. A V8 out-of-memory or a hang ends this worker only; the pool records it.
import { parentPort, workerData } from 'node:worker_threads';

const { Engine, CfmlError } = await import(workerData.engineUrl);
const engine = new Engine({ timeout: workerData.timeoutSeconds, maxOutput: 1 << 20, logger: () => {} });

/** JS error text that must never reach a user, even inside a CFML error's message. */
const JS_LEAK = /Cannot read propert|is not a function(?! and can.t be called)|is not iterable|is not a constructor|Invalid (string|array) length|Invalid code point|Maximum call stack|undefined is not|of undefined|of null|NaN-NaN|\[object Object\]/;

parentPort.on('message', async ({ id, source }) => {
  let outcome;
  try {
    const out = await engine.renderString(source, { url: { n: '150000000', k: 'x' } });
    outcome = JS_LEAK.test(out) ? { kind: 'leak', message: 'output: ' + out.match(JS_LEAK)[0] } : { kind: 'ok' };
  } catch (e) {
    if (e instanceof CfmlError && e.code !== 'CF9000' && !JS_LEAK.test(e.message)) outcome = { kind: 'cfml', type: e.type };
    else outcome = { kind: 'js-error', message: `${e?.code ?? ''} ${e?.constructor?.name}: ${String(e?.message ?? e).slice(0, 300)}` };
  }
  parentPort.postMessage({ id, ...outcome });
});
parentPort.postMessage({ ready: true });
