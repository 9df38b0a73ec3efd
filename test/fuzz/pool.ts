/**
 * Renders fuzz inputs in worker threads so that what would end or stall a server process is seen
 * and counted instead: a worker that dies (V8 out of memory, a fatal error) is a crash, one that
 * does not answer within `hangMs` is a hang (the engine's own time limit did not end the render).
 * Each ends the worker, and a fresh one takes its place.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'cfml'; type: string }
  | { kind: 'js-error' | 'leak' | 'crash' | 'hang'; message: string };

export interface PoolOptions {
  /** The engine's render timeout (EngineOptions.timeout), seconds. */
  timeoutSeconds?: number;
  /** After this long without an answer, the input is a hang. */
  hangMs?: number;
  /** Heap of one worker: a render that allocates more is a crash. */
  heapMb?: number;
}

const root = path.resolve(import.meta.dirname, '../..');

class Slot {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending?: { resolve: (o: Outcome) => void; timer: NodeJS.Timeout };
  private seq = 0;

  constructor(private readonly opts: Required<PoolOptions>) {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(path.join(import.meta.dirname, 'render-worker.mjs'), {
      workerData: { engineUrl: pathToFileURL(path.join(root, 'dist/index.js')).href, timeoutSeconds: this.opts.timeoutSeconds },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb },
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.ready = new Promise((resolve) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m.ready) {
          this.worker.off('message', onReady);
          resolve();
        }
      };
      this.worker.on('message', onReady);
    });
    this.worker.on('message', (m: { id?: number } & Outcome) => {
      if (m.id === this.seq && this.pending) this.finish(m);
    });
    const died = (why: string) => {
      if (this.pending) this.finish({ kind: 'crash', message: why });
    };
    this.worker.on('error', (e) => died(`worker error: ${e.message}`));
    this.worker.on('exit', (code) => died(`worker exited with code ${code}`));
  }

  private finish(o: Outcome): void {
    const p = this.pending!;
    this.pending = undefined;
    clearTimeout(p.timer);
    if (o.kind === 'crash' || o.kind === 'hang') {
      void this.worker.terminate();
      this.start();
    }
    p.resolve(o);
  }

  async run(source: string): Promise<Outcome> {
    await this.ready;
    const id = ++this.seq;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => this.finish({ kind: 'hang', message: `no answer after ${this.opts.hangMs} ms` }), this.opts.hangMs);
      this.pending = { resolve, timer };
      this.worker.postMessage({ id, source });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A fixed number of render workers; `run` uses a free one. */
export class RenderPool {
  private readonly free: Slot[] = [];
  private readonly waiting: ((s: Slot) => void)[] = [];
  private readonly slots: Slot[] = [];

  constructor(size: number, opts: PoolOptions = {}) {
    const o = { timeoutSeconds: 1, hangMs: 15_000, heapMb: 256, ...opts };
    for (let i = 0; i < size; i++) this.slots.push(new Slot(o));
    this.free.push(...this.slots);
  }

  async run(source: string): Promise<Outcome> {
    const slot = this.free.pop() ?? (await new Promise<Slot>((r) => this.waiting.push(r)));
    try {
      return await slot.run(source);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
  }
}

/** True for the outcomes the fuzz test fails on. */
export const isFailure = (o: Outcome): o is Extract<Outcome, { message: string }> => o.kind !== 'ok' && o.kind !== 'cfml';
