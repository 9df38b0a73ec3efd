/** Timing helpers for the benches: medians of interleaved rounds, so load on the machine hits both sides alike. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs fn `times` times and returns ms per call. */
export async function timeIt(fn: () => unknown | Promise<unknown>, times: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await fn();
  return (performance.now() - t0) / times;
}

/**
 * Runs fn `times` times and returns the process's CPU time (user + system, ms) per call. On a
 * shared, loaded machine wall time also counts the time the process waited for a core, which
 * swung whole rounds by 2x; CPU time does not. Only for work that does not wait on I/O.
 */
export async function cpuTimeIt(fn: () => unknown | Promise<unknown>, times: number): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < times; i++) await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / times;
}

/** Interleaves rounds of a and b; returns the median ms per call of each (CPU time with `cpu`). */
export async function compare(a: () => unknown, b: () => unknown, opts: { rounds: number; times: number; cpu?: boolean }): Promise<[number, number]> {
  const ra: number[] = [];
  const rb: number[] = [];
  const time = opts.cpu ? cpuTimeIt : timeIt;
  for (let r = 0; r < opts.rounds; r++) {
    ra.push(await time(a, opts.times));
    rb.push(await time(b, opts.times));
  }
  return [median(ra), median(rb)];
}
