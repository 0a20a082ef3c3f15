import fc from "fast-check";
import { CONSUMERS, CRITICALITIES, DELIVERY_MODES, FEATURE_FRESHNESS, INPUT_SOURCES, type Answers } from "~/engine";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const logNumber = (min: number, max: number) =>
  fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true }).map((e) => Number((10 ** e).toPrecision(3)));

/** Plausible answer sets across the whole input space (some unknowns, realistic magnitudes). */
export const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    consumer: fc.constantFrom(...CONSUMERS),
    latencyBudgetMs: maybe(logNumber(1, 86_400_000)),
    maxStalenessSeconds: maybe(fc.oneof(fc.constant(0), logNumber(1, 5_000_000))),
    featureFreshness: maybe(fc.constantFrom(...FEATURE_FRESHNESS)),
    inputsEnumerable: maybe(fc.boolean()),
    entityCount: maybe(fc.oneof(fc.constant(0), logNumber(1, 1e9).map(Math.round))),
    activeSharePercent: maybe(fc.integer({ min: 0, max: 100 })),
    avgRequestsPerSecond: maybe(fc.oneof(fc.constant(0), logNumber(0.001, 20_000))),
    peakRatio: fc.double({ min: 1, max: 50, noNaN: true }),
    peakKnown: fc.boolean(),
    idleHoursPerDay: maybe(fc.integer({ min: 0, max: 24 })),
    coldStartToleranceSeconds: maybe(fc.oneof(fc.constant(0), logNumber(1, 3_600))),
    payloadMB: maybe(logNumber(0.001, 5_000)),
    processingTimeMs: maybe(logNumber(0.5, 7_200_000)),
    modelSizeGB: maybe(logNumber(0.001, 200)),
    needsGpu: maybe(fc.boolean()),
    inputSource: maybe(fc.constantFrom(...INPUT_SOURCES)),
    offlineOrOnDevice: maybe(fc.boolean()),
    fallbackAcceptable: maybe(fc.boolean()),
    deliveryMode: maybe(fc.constantFrom(...DELIVERY_MODES)),
    monthlyBudgetUsd: maybe(logNumber(10, 1_000_000)),
    criticality: maybe(fc.constantFrom(...CRITICALITIES)),
  })
  .map(({ peakRatio, peakKnown, ...a }) => ({
    ...a,
    peakRequestsPerSecond: peakKnown ? (a.avgRequestsPerSecond === null ? Number((peakRatio * 10).toPrecision(3)) : Number((a.avgRequestsPerSecond * peakRatio).toPrecision(4))) : null,
  }))
  .filter((a) => a.peakRequestsPerSecond === null || a.avgRequestsPerSecond === null || a.peakRequestsPerSecond >= a.avgRequestsPerSecond);
