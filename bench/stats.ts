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

/** Interleaves rounds of a and b; returns the median ms per call of each. */
export async function compare(a: () => unknown, b: () => unknown, opts: { rounds: number; times: number }): Promise<[number, number]> {
  const ra: number[] = [];
  const rb: number[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    ra.push(await timeIt(a, opts.times));
    rb.push(await timeIt(b, opts.times));
  }
  return [median(ra), median(rb)];
}
