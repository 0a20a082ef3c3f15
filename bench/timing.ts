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
