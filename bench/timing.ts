/** Timing helpers shared by the benchmarks. */

/** Milliseconds since `start` (a `process.hrtime.bigint()`). */
export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
