/**
 * Engine 2.0.0 (issue 12): the properties the issue asks for, and golden cases for each kind of
 * finding of the review, constructed from the principles (docs/engine.md), not from its examples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, DEFAULT_PRICES, LIMITS, PRICE_SOURCES, recommend, STRATEGIES, type Answers, type Assessment } from "~/engine";
import { answersArb } from "./arbitraries";
import { answers } from "./helpers";

const RUNS = { numRuns: 200, seed: 1212 };
const run = (o: Partial<Answers>) => assess(answers(o), { flips: false });
const feasible = (a: Assessment, s: string) => a.ranking.find((r) => r.strategy === s)!.feasible;
const rules = (a: Assessment, s: string) => a.ranking.find((r) => r.strategy === s)!.blockedBy.map((b) => b.rule);

/** answersArb, widened to the extremes the review used (1 TB payloads, 24 h processing, 100,000 GB models). */
const extremeArb: fc.Arbitrary<Answers> = fc
  .tuple(
    answersArb,
    fc.option(fc.constantFrom(500, 1_000_000, 20, 8), { nil: undefined }),
    fc.option(fc.constantFrom(86_400_000, 120_000, 7_200_000), { nil: undefined }),
    fc.option(fc.constantFrom(14, 40, 100_000, 0.05), { nil: undefined }),
  )
  .map(([a, payloadMB, processingTimeMs, modelSizeGB]) => ({
    ...a,
    ...(payloadMB !== undefined ? { payloadMB } : {}),
    ...(processingTimeMs !== undefined ? { processingTimeMs } : {}),
    ...(modelSizeGB !== undefined ? { modelSizeGB } : {}),
  }));

describe("properties (issue 12, done when)", { timeout: 180_000 }, () => {
  it("monthly cost is monotone non-decreasing in peak and in average traffic, for every strategy", () => {
    fc.assert(
      fc.property(answersArb, fc.double({ min: 1, max: 40, noNaN: true }), fc.boolean(), (a, factor, raisePeak) => {
        const avg = a.avgRequestsPerSecond ?? 1;
        const peak = a.peakRequestsPerSecond ?? Math.max(avg, 10);
        const base: Answers = { ...a, avgRequestsPerSecond: avg, peakRequestsPerSecond: peak };
        // Raise the peak alone, or the average alone (up to the peak).
        const more: Answers = raisePeak ? { ...base, peakRequestsPerSecond: peak * factor } : { ...base, avgRequestsPerSecond: Math.min(peak, avg * factor + 0.001) };
        const c0 = assess(base, { flips: false }).tradeoffs;
        const c1 = assess(more, { flips: false }).tradeoffs;
        for (let s = 0; s < STRATEGIES.length; s++) {
          const before = c0[s]!.cost.monthlyUsd;
          const after = c1[s]!.cost.monthlyUsd;
          if (before !== null && after !== null) expect(after, STRATEGIES[s]).toBeGreaterThanOrEqual(before - 0.011);
        }
      }),
      { ...RUNS, numRuns: 400 },
    );
  });

  it("no documented limit is ever crossed by the recommendation", () => {
    const L = (id: keyof typeof LIMITS) => LIMITS[id].value;
    fc.assert(
      fc.property(extremeArb, (a) => {
        const res = assess(a, { flips: false });
        const p = a.payloadMB;
        const s = a.processingTimeMs === null ? null : a.processingTimeMs / 1000;
        const m = a.modelSizeGB;
        const over = (v: number | null, limit: number) => v !== null && v > limit;
        const mem = m === null ? 0 : m * L("modelMemoryOverhead");
        if (res.recommended !== null && res.recommended !== "edge") {
          expect(mem <= (a.needsGpu === true ? L("maxGpuReplicaMemoryGB") : L("maxCpuReplicaMemoryGB"))).toBe(true);
        }
        switch (res.recommended) {
          case "realtime": {
            const v = res.serving!;
            const [payload, timeout] =
              v === "always-on" ? [L("realtimePayloadMB"), L("realtimeTimeoutS")] : v === "dedicated" ? [L("dedicatedPayloadMB"), L("dedicatedTimeoutS")] : [L("serverlessPayloadMB"), L("serverlessTimeoutS")];
            expect(over(p, payload)).toBe(false);
            expect(over(s, timeout)).toBe(false);
            if (v === "scale-to-zero") {
              expect(a.needsGpu).not.toBe(true);
              const concurrency = Math.ceil(((a.peakRequestsPerSecond ?? 0) * (s ?? 0)) / L("targetUtilisation"));
              expect(concurrency).toBeLessThanOrEqual(L("serverlessMaxConcurrency"));
              expect(Math.max(1, 2 * (m ?? 0))).toBeLessThanOrEqual(L("serverlessMaxMemoryGB"));
            }
            break;
          }
          case "async":
            expect(over(p, L("asyncPayloadMB"))).toBe(false);
            expect(over(s, L("asyncTimeoutS"))).toBe(false);
            break;
          case "streaming":
            expect(over(p, L("streamRecordMB"))).toBe(false);
            break;
          case "hybrid":
            expect(over(p, L("dedicatedPayloadMB"))).toBe(false);
            expect(over(s, L("dedicatedTimeoutS"))).toBe(false);
            expect(over(p, L("batchMiniBatchMB"))).toBe(false);
            break;
          case "batch":
            if (res.estimates.batch!.variant === "scheduled") {
              expect(over(p, L("batchMiniBatchMB"))).toBe(false);
              expect(over(s, L("batchInvocationS"))).toBe(false);
            } else expect(over(s, L("jobMaxRuntimeS"))).toBe(false);
            break;
          case "edge":
            expect(over(m, L("edgeMaxModelGB"))).toBe(false);
            break;
          default:
            break;
        }
      }),
      { ...RUNS, numRuns: 600 },
    );
  });

  it("edge never wins without an on-device/offline requirement or a demonstrated fit", () => {
    fc.assert(
      fc.property(extremeArb, (a) => {
        if (recommend(a) === "edge") expect(a.offlineOrOnDevice === true || (a.modelSizeGB !== null && a.modelSizeGB <= 1 && a.needsGpu === false)).toBe(true);
      }),
      { ...RUNS, numRuns: 600 },
    );
  });

  it("when nothing is feasible, each strategy's smallest change, applied, makes it feasible", () => {
    let seen = 0;
    fc.assert(
      fc.property(extremeArb, (a) => {
        const res = assess(a);
        if (res.recommended !== null) return;
        seen++;
        expect(res.noFeasibleStrategy!.changesComputed).toBe(true);
        for (const s of res.noFeasibleStrategy!.strategies) {
          expect(s.blockedBy.length).toBeGreaterThan(0);
          if (s.smallestChange.length === 0) continue;
          const changed = { ...a, ...Object.fromEntries(s.smallestChange.map((c) => [c.field, c.value])) } as Answers;
          expect(feasible(assess(changed, { flips: false }), s.strategy), `${s.strategy}: ${s.smallestChange.map((c) => c.message).join(" ")}`).toBe(true);
        }
      }),
      { ...RUNS, numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(10);
  });
});

describe("golden cases: documented limits are hard (finding 1)", () => {
  const sync = { consumer: "user-request" as const, latencyBudgetMs: 2_000, processingTimeMs: 100, featureFreshness: "request" as const, inputsEnumerable: false, deliveryMode: "response" as const };

  it.each([500, 1_000_000])("a %s MB payload on a synchronous path is never a real-time endpoint", (payloadMB) => {
    const a = run({ ...sync, payloadMB });
    expect(feasible(a, "realtime")).toBe(false);
    expect(a.recommended).not.toBe("realtime");
    expect(rules(a, "realtime")).toContain("no-serving-variant");
  });

  it("24 h of processing per request is neither real-time nor asynchronous", () => {
    const a = run({ consumer: "service-request", processingTimeMs: 86_400_000, latencyBudgetMs: 172_800_000 });
    expect(feasible(a, "realtime")).toBe(false);
    expect(rules(a, "async")).toContain("async-timeout");
  });

  it("scale-to-zero is not chosen when the cold start exceeds the request's latency budget", () => {
    const a = run({ ...sync, featureFreshness: "request", peakRequestsPerSecond: 1, avgRequestsPerSecond: 0.1, idleHoursPerDay: 20, coldStartToleranceSeconds: 3_600, latencyBudgetMs: 1_000 });
    expect(a.recommended).toBe("realtime");
    expect(a.serving).toBe("always-on");
  });

  it("serverless is not chosen at 400-500 concurrent requests (its limit is 200 per endpoint)", () => {
    for (const peak of [400, 500]) {
      const a = run({ ...sync, peakRequestsPerSecond: peak, avgRequestsPerSecond: peak / 10, processingTimeMs: 700, idleHoursPerDay: 12, coldStartToleranceSeconds: 600, latencyBudgetMs: 60_000, modelSizeGB: 0.5, needsGpu: false });
      expect(a.estimates.realtime!.variants.find((v) => v.variant === "scale-to-zero")!.feasible).toBe(false);
      expect(a.serving).not.toBe("scale-to-zero");
    }
  });
});

describe("golden cases: a 'nothing fits' answer (finding 2)", () => {
  it("a 14 GB GPU language model for a server-side use case is never put on a device", () => {
    const a = run({ consumer: "service-request", needsGpu: true, modelSizeGB: 14, processingTimeMs: 3_000, latencyBudgetMs: 2_000, offlineOrOnDevice: false });
    expect(a.recommended).not.toBe("edge");
    expect(feasible(a, "edge")).toBe(false);
  });

  it("search ranking with 1 GB payloads: nothing feasible, explained per strategy with the smallest change", () => {
    const full = assess(answers({ consumer: "user-request", payloadMB: 1_000, latencyBudgetMs: 200, processingTimeMs: 30, featureFreshness: "request", inputsEnumerable: false, inputSource: "http-request", deliveryMode: "response" }));
    expect(full.recommended).toBeNull();
    expect(full.recommendedLabel).toBe("No feasible strategy");
    expect(full.serving).toBeNull();
    expect(full.warnings.map((w) => w.code)).toContain("nothing-feasible");
    const rt = full.noFeasibleStrategy!.strategies.find((s) => s.strategy === "realtime")!;
    expect(rt.smallestChange).toEqual([expect.objectContaining({ field: "payloadMB", value: 10, current: 1_000 })]);
    expect(rt.blockedBy[0]!.sources.length).toBeGreaterThan(0);
    // Flips out of "nothing feasible" (engine2): each one makes a strategy feasible; the
    // smallest payload change is among them, as in the explanation above.
    expect(full.flips.length).toBeGreaterThan(0);
    expect(full.flips.every((f) => f.from === null && f.to !== null)).toBe(true);
    expect(full.flips).toContainEqual(expect.objectContaining({ field: "payloadMB", direction: "decrease", value: 10, to: "realtime" }));
  });

  it("an impossible 1 µs latency budget: nothing feasible (not async at 0.71)", () => {
    const a = assess(answers({ consumer: "user-request", latencyBudgetMs: 0.001, processingTimeMs: 5, offlineOrOnDevice: true }));
    expect(a.recommended).toBeNull();
    for (const r of a.ranking) expect(r.blockedBy.map((b) => b.rule)).toContain("latency-below-any-inference");
  });

  it("an absurd cost is flagged, not printed without comment", () => {
    const a = run({ consumer: "event-pipeline", peakRequestsPerSecond: 10_000_000, avgRequestsPerSecond: 10_000_000, processingTimeMs: 60_000, needsGpu: true, modelSizeGB: 500 });
    const cost = a.tradeoffs.find((t) => t.strategy === a.recommended)!.cost.monthlyUsd!;
    expect(cost).toBeGreaterThan(LIMITS.absurdCostUsd.value);
    expect(a.warnings.map((w) => w.code)).toContain("implausible-cost");
  });
});

describe("golden cases: the capacity model (finding 3)", () => {
  const rt = { consumer: "user-request" as const, latencyBudgetMs: 1_000, processingTimeMs: 100, idleHoursPerDay: 0, featureFreshness: "request" as const, inputsEnumerable: false };

  it("fleets run at 60-75% at peak, plus one replica for high and critical use cases", () => {
    for (const peak of [50, 500, 5_000]) {
      const e = run({ ...rt, peakRequestsPerSecond: peak, avgRequestsPerSecond: peak / 2, criticality: "medium" }).estimates.realtime!;
      expect(e.utilisationAtPeak!).toBeLessThanOrEqual(0.75);
      const c = run({ ...rt, peakRequestsPerSecond: peak, avgRequestsPerSecond: peak / 2, criticality: "critical" }).estimates.realtime!;
      expect(c.replicasAtPeak).toBe(e.replicasAtPeak! + 1);
    }
  });

  it("GPU requests are batched: far fewer GPU replicas than one request at a time", () => {
    const e = run({ ...rt, needsGpu: true, modelSizeGB: 1, processingTimeMs: 40, latencyBudgetMs: 400, peakRequestsPerSecond: 1_000, avgRequestsPerSecond: 1_000 }).estimates.realtime!;
    const oneAtATime = Math.ceil((1_000 * 0.04) / 0.7); // 58 GPUs
    expect(e.batchSize).toBe(8);
    expect(e.replicasAtPeak! * 4).toBeLessThanOrEqual(oneAtATime);
  });

  it("raising peak traffic never lowers the monthly cost (the 1.x inversion)", () => {
    const costs = [100, 150, 200, 400, 1_000].map((peak) => run({ ...rt, peakRequestsPerSecond: peak, avgRequestsPerSecond: 80 }).estimates.realtime!.monthlyCostUsd!);
    for (let k = 1; k < costs.length; k++) expect(costs[k]!).toBeGreaterThanOrEqual(costs[k - 1]!);
  });
});

describe("golden cases: batch sized to a cadence (finding 4)", () => {
  it("a nightly job runs once a day, sized to finish in its window", () => {
    const b = run({ consumer: "report", entityCount: 5_000_000, processingTimeMs: 20, maxStalenessSeconds: 86_400 }).estimates.batch!;
    expect(b.cadenceSeconds).toBe(86_400);
    expect(b.runsPerMonth).toBeCloseTo(30.4, 1);
    expect(b.runDurationSeconds!).toBeLessThanOrEqual(3_600);
  });

  it("only active entities are scored when their share is known", () => {
    const all = run({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 100, maxStalenessSeconds: 86_400 }).estimates.batch!;
    const some = run({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 100, maxStalenessSeconds: 86_400, activeSharePercent: 10 }).estimates.batch!;
    expect(some.entitiesScored).toBe(100_000);
    expect(some.monthlyCostUsd!).toBeLessThan(all.monthlyCostUsd! / 5);
  });
});

describe("golden cases: cost compared across strategies (finding 5)", () => {
  it("a hybrid ~30x the real-time alternative and over budget does not win on points", () => {
    // Everything favours the hybrid pattern except its cost: an hourly precompute of 200M entities.
    const a = run({ consumer: "user-request", latencyBudgetMs: 200, processingTimeMs: 20, inputsEnumerable: true, fallbackAcceptable: true, criticality: "high", entityCount: 200_000_000, maxStalenessSeconds: 3_600, peakRequestsPerSecond: 100, avgRequestsPerSecond: 50, monthlyBudgetUsd: 2_000, featureFreshness: "hours", idleHoursPerDay: 0 });
    const hybrid = a.tradeoffs.find((t) => t.strategy === "hybrid")!.cost;
    expect(hybrid.timesCheapest!).toBeGreaterThan(10);
    expect(a.recommended).not.toBe("hybrid");
    const contributions = a.ranking.find((r) => r.strategy === "hybrid")!.contributions.map((c) => c.factor);
    expect(contributions).toEqual(expect.arrayContaining(["cost-vs-cheapest", "cost-over-budget"]));
    expect(a.constraints.find((c) => c.id === "cost-over-budget" && c.strategies[0] === "hybrid")!.message).toMatch(/over the \$2,000 budget/);
  });

  it("an unknown cost lowers confidence", () => {
    const known = assess(answers({ consumer: "user-request", latencyBudgetMs: 300, processingTimeMs: 20, peakRequestsPerSecond: 10, avgRequestsPerSecond: 5, featureFreshness: "request", inputsEnumerable: false }), { flips: false });
    const unknown = assess(answers({ consumer: "user-request", latencyBudgetMs: 300, processingTimeMs: 20, featureFreshness: "request", inputsEnumerable: false }), { flips: false });
    expect(known.confidence.reasons.map((r) => r.code)).not.toContain("unknown-cost");
    expect(unknown.confidence.reasons.find((r) => r.code === "unknown-cost")!.delta).toBe(-0.1);
  });

  it("edge gets no bonus for its $0 server cost, even with a $0 budget", () => {
    const a = run({ consumer: "user-request", offlineOrOnDevice: true, monthlyBudgetUsd: 0, processingTimeMs: 5, modelSizeGB: 0.1 });
    expect(a.recommended).toBe("edge");
    const edge = a.ranking.find((r) => r.strategy === "edge")!;
    expect(edge.contributions.filter((c) => c.factor.startsWith("cost"))).toEqual([]);
  });
});

describe("sourced limits and prices (finding 6)", () => {
  it("every limit and price names its value, unit, vendor, URL, date and kind", () => {
    for (const table of [LIMITS, PRICE_SOURCES] as Record<string, { value: number; unit: string; vendor: string; url: string; checked: string; kind: string }>[]) {
      for (const [id, l] of Object.entries(table)) {
        expect(Number.isFinite(l.value), id).toBe(true);
        expect(l.unit.length, id).toBeGreaterThan(0);
        expect(l.vendor.length, id).toBeGreaterThan(0);
        expect(l.url, id).toMatch(l.kind === "documented" ? /^https:\/\// : /./);
        expect(l.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$|^not re-checked$/);
        expect(["documented", "heuristic"]).toContain(l.kind);
      }
    }
  });

  it("holds the corrected values", () => {
    expect(LIMITS.sharedPublicPayloadMB.value).toBe(1.5);
    expect(LIMITS.dedicatedPayloadMB.value).toBe(10);
    expect(LIMITS.dedicatedTimeoutS.value).toBe(3_600);
    expect(LIMITS.streamRecordMB).toMatchObject({ value: 10, unit: "MiB" });
    expect(LIMITS.streamShardWriteMBps.value).toBe(1);
    expect(LIMITS.batchMiniBatchMB.value).toBe(100);
    expect(LIMITS.batchInvocationS.value).toBe(3_600);
    expect(LIMITS.serverlessMaxConcurrency.value).toBe(200);
    expect(DEFAULT_PRICES.keyValuePerMillionReadsUsd).toBe(0.125);
    expect(PRICE_SOURCES.keyValuePerMillionReadsUsd.vendor).toMatch(/November 2024/);
    for (const id of ["coldStartBaseCpuS", "batchOverheadSeconds", "hybridHitRateEnumerable", "edgeSlowdown"] as const) expect(LIMITS[id].kind).toBe("heuristic");
  });

  it("the GPU price accounts for the model's size", () => {
    const o = { consumer: "service-request" as const, needsGpu: true, processingTimeMs: 100, latencyBudgetMs: 1_000, peakRequestsPerSecond: 1, avgRequestsPerSecond: 1 };
    const small = run({ ...o, modelSizeGB: 5 }).estimates.realtime!;
    const large = run({ ...o, modelSizeGB: 150 }).estimates.realtime!;
    expect(small.gpusPerReplica).toBe(1);
    expect(large.gpusPerReplica).toBe(8); // 150 GB x 1.2 / 24 GB
    expect(large.monthlyCostAlwaysOnUsd!).toBeCloseTo(small.monthlyCostAlwaysOnUsd! * 8, 0);
  });
});
