import { describe, expect, it } from "vitest";
import { assess, DEFAULT_PRICES } from "~/engine";
import { answers } from "./helpers";

describe("batch estimate", () => {
  it("run duration, cadence, worst-case staleness, waste and cost", () => {
    // 1,000,000 entities x 36 ms = 36,000 s of work; window = min(1 h, 24 h / 2) -> 10 workers;
    // duration = 300 s overhead + 3,600 s; cadence = longest of 30d/7d/1d/6h/1h/15min <= 86,400 - 3,900 -> 6 h.
    const a = assess(answers({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 36, maxStalenessSeconds: 86_400, activeSharePercent: 40 }), { flips: false });
    const b = a.estimates.batch!;
    expect(b.workers).toBe(10);
    expect(b.runDurationSeconds).toBe(3_900);
    expect(b.cadenceSeconds).toBe(21_600);
    expect(b.cadenceAssumed).toBe(false);
    expect(b.worstCaseStalenessSeconds).toBe(25_500);
    expect(b.wastedPredictionsPerRun).toBe(600_000);
    expect(b.runsPerMonth).toBeCloseTo(121.7, 1);
    const expected = (730 * 3600) / 21_600 * 10 * (3_900 / 3_600) * DEFAULT_PRICES.batchCpuWorkerHourUsd;
    expect(b.monthlyCostUsd).toBeCloseTo(expected, 2);
    expect(b.inputs.entityCount).toBe(1_000_000);
  });

  it("caps workers at 100 and assumes a daily cadence when staleness is unknown", () => {
    const b = assess(answers({ consumer: "report", entityCount: 100_000_000, processingTimeMs: 10 }), { flips: false }).estimates.batch!;
    // 1,000,000 s of work / 3,600 s window = 278 workers -> capped at 100 -> 300 + 10,000 s.
    expect(b.workers).toBe(100);
    expect(b.runDurationSeconds).toBe(10_300);
    expect(b.cadenceSeconds).toBe(86_400);
    expect(b.cadenceAssumed).toBe(true);
  });

  it("uses GPU worker prices and honours price overrides", () => {
    const o = answers({ consumer: "report", entityCount: 10_000, processingTimeMs: 360, maxStalenessSeconds: 86_400, needsGpu: true });
    const cheap = assess(o, { flips: false, prices: { batchGpuWorkerHourUsd: 1 } }).estimates.batch!;
    const dear = assess(o, { flips: false, prices: { batchGpuWorkerHourUsd: 2 } }).estimates.batch!;
    expect(dear.monthlyCostUsd!).toBeCloseTo(cheap.monthlyCostUsd! * 2, 1);
  });
});

describe("realtime estimate (Erlang C)", () => {
  const base = { consumer: "user-request" as const, peakRequestsPerSecond: 300, avgRequestsPerSecond: 300, processingTimeMs: 100, latencyBudgetMs: 60_100, idleHoursPerDay: 0, criticality: "medium" as const };

  it("30 Erlangs at peak need 31 replicas; always-on cost = replicas x hours x price", () => {
    const r = assess(answers(base), { flips: false }).estimates.realtime!;
    expect(r.offeredLoadErlangs).toBe(30);
    expect(r.replicasForLatency).toBe(31);
    expect(r.replicasAtPeak).toBe(31);
    expect(r.utilisationAtPeak).toBeCloseTo(30 / 31, 3);
    expect(r.probWaitExceedsBudget!).toBeLessThanOrEqual(0.01);
    expect(r.serving).toBe("always-on");
    expect(r.monthlyCostAlwaysOnUsd).toBeCloseTo(31 * 730 * DEFAULT_PRICES.cpuReplicaHourUsd, 2);
    expect(r.waitBudgetMs).toBe(60_000);
  });

  it("a tighter budget needs more replicas; high criticality keeps at least 2", () => {
    const tight = assess(answers({ ...base, latencyBudgetMs: 120 }), { flips: false }).estimates.realtime!;
    expect(tight.replicasAtPeak!).toBeGreaterThan(31);
    const tiny = assess(answers({ ...base, peakRequestsPerSecond: 0.1, avgRequestsPerSecond: 0.1, criticality: "critical" }), { flips: false }).estimates.realtime!;
    expect(tiny.replicasForLatency).toBe(1);
    expect(tiny.replicasAtPeak).toBe(2);
    expect(tiny.minReplicas).toBe(2);
  });

  it("scale-to-zero is priced in serverless GB-seconds when the cold start is tolerated", () => {
    const o = { ...base, peakRequestsPerSecond: 1, avgRequestsPerSecond: 0.5, idleHoursPerDay: 12, coldStartToleranceSeconds: 60, modelSizeGB: 1, needsGpu: false };
    const r = assess(answers(o), { flips: false }).estimates.realtime!;
    expect(r.coldStartSeconds).toBe(15); // 10 s + 5 s/GB
    expect(r.scaleToZeroAllowed).toBe(true);
    expect(r.scaleToZeroPricing).toBe("serverless-gb-seconds");
    const gbSeconds = 0.5 * 0.5 * 730 * 3600 * 0.1 * 2;
    expect(r.monthlyCostScaleToZeroUsd).toBeCloseTo(gbSeconds * DEFAULT_PRICES.serverlessGbSecondUsd, 2);
    expect(r.serving).toBe("scale-to-zero");
    expect(r.monthlyCostUsd).toBe(r.monthlyCostScaleToZeroUsd);
  });

  it("p99 latency = processing + 99th percentile wait, within the budget", () => {
    const r = assess(answers({ ...base, latencyBudgetMs: 150, peakRequestsPerSecond: 400, avgRequestsPerSecond: 50, processingTimeMs: 15 }), { flips: false }).estimates.realtime!;
    expect(r.p99LatencyMs!).toBeGreaterThanOrEqual(15);
    expect(r.p99LatencyMs!).toBeLessThanOrEqual(150);
  });

  it("is null when realtime is infeasible", () => {
    expect(assess(answers({ processingTimeMs: 500, latencyBudgetMs: 100 }), { flips: false }).estimates.realtime).toBeNull();
  });
});

describe("async, streaming, hybrid and edge estimates", () => {
  it("async workers at average and peak, latency and cost", () => {
    const o = answers({ consumer: "human-later", avgRequestsPerSecond: 0.2, peakRequestsPerSecond: 2, processingTimeMs: 45_000, idleHoursPerDay: 0 });
    const e = assess(o, { flips: false }).estimates.async!;
    expect(e.workersAtAverage).toBe(13); // ceil(0.2 x 45 / 0.7)
    expect(e.workersAtPeak).toBe(129); // ceil(2 x 45 / 0.7)
    expect(e.p99LatencyMs).toBe(46_000);
    const messages = 0.2 * 730 * 3600;
    expect(e.messagesPerMonth).toBeCloseTo(messages, 0);
    expect(e.monthlyCostUsd).toBeCloseTo(0.23 * 730 * 71 + (messages / 1e6) * 0.4, 1);
  });

  it("streaming consumers and shards", () => {
    const e = assess(answers({ consumer: "event-pipeline", peakRequestsPerSecond: 8_000, avgRequestsPerSecond: 2_000, processingTimeMs: 2 }), { flips: false }).estimates.streaming!;
    expect(e.consumers).toBe(23); // ceil(16 / 0.7)
    expect(e.shards).toBe(8);
    expect(e.endToEndLatencyMs).toBe(1_002);
    expect(e.monthlyCostUsd).toBeCloseTo(730 * (23 * 0.23 + 8 * 0.015), 2);
  });

  it("hybrid sends the misses to a live path sized for peak x (1 - hit rate)", () => {
    const e = assess(answers({ consumer: "user-request", inputsEnumerable: true, peakRequestsPerSecond: 3_000, avgRequestsPerSecond: 300, processingTimeMs: 30, latencyBudgetMs: 80, entityCount: 1_000_000, maxStalenessSeconds: 86_400 }), { flips: false }).estimates.hybrid!;
    expect(e.assumedHitRate).toBe(0.9);
    expect(e.liveRequestsPerSecondAtPeak).toBe(300);
    expect(e.liveReplicasAtPeak!).toBeGreaterThan(9);
    expect(e.p99LatencyHitMs).toBe(10);
    expect(e.monthlyCostUsd!).toBeCloseTo(e.batchMonthlyCostUsd! + e.liveMonthlyCostUsd! + e.lookupMonthlyCostUsd!, 1);
  });

  it("edge: device latency = 2 x processing, no server cost", () => {
    const e = assess(answers({ consumer: "user-request", processingTimeMs: 4, modelSizeGB: 0.05 }), { flips: false }).estimates.edge!;
    expect(e.deviceLatencyMs).toBe(8);
    expect(e.fitsOnPhone).toBe(true);
    expect(e.monthlyServerCostUsd).toBe(0);
  });
});

describe("tradeoffs", () => {
  it("one entry per strategy with latency, cost and moving parts", () => {
    const a = assess(answers({ featureFreshness: "seconds" }), { flips: false });
    expect(a.tradeoffs.map((t) => t.strategy)).toEqual(["batch", "realtime", "async", "streaming", "hybrid", "edge"]);
    const hybrid = a.tradeoffs.find((t) => t.strategy === "hybrid")!;
    expect(hybrid.complexity.level).toBe("high");
    expect(hybrid.complexity.movingParts).toContain("fallback store");
    expect(hybrid.complexity.movingParts).toContain("online feature store");
    const batch = a.tradeoffs.find((t) => t.strategy === "batch")!;
    expect(batch.complexity.movingParts).toContain("scheduler");
    expect(batch.latency.p99Ms).toBe(10);
    expect(a.tradeoffs.find((t) => t.strategy === "async")!.complexity.movingParts).toContain("queue");
    expect(a.tradeoffs.find((t) => t.strategy === "streaming")!.complexity.movingParts).toContain("stream processor");
  });
});
