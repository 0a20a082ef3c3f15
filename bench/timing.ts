/** Timing helpers shared by the benchmarks. */

/** Milliseconds since `start` (a `process.hrtime.bigint()`). */
export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Runs `task` and returns its time and the peak growth of the process's RSS meanwhile (MB, sampled
 * every 20 ms from a base taken after a garbage collection when `--expose-gc` is on).
 */
export async function timedWithPeakRss<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; peakRssGrowthMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss - base);
  }, 20);
  const start = process.hrtime.bigint();
  try {
    const result = await task();
    return { result, ms: ms(start), peakRssGrowthMb: Math.max(peak, process.memoryUsage().rss - base) / 1048576 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Runs `task` (untimed) collecting garbage every 100 ms, and returns the peak of what stayed
 * reachable meanwhile — JS heap plus buffers — above what was there before (MB): the memory the
 * task really holds, without the collector's slack that RSS also counts. Needs `--expose-gc`.
 */
export async function peakRetainedMb(task: () => Promise<unknown>): Promise<number> {
  const gc = global.gc;
  if (!gc) throw new Error("run with --expose-gc");
  const held = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = held();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, held() - base);
  }, 100);
  try {
    await task();
  } finally {
    clearInterval(sampler);
  }
  return peak / 1048576;
}
