import { describe, expect, it } from "vitest";
import { assess, DEFAULT_PRICES } from "~/engine";
import { answers } from "./helpers";

// 2.0.0 (docs/engine.md §4): batch sized to a cadence, per-replica concurrency, GPU batching,
// target utilisation and N+1, GPUs for the model's size. Expected figures computed by hand below.
describe("batch estimate", () => {
  it("derives the cadence from the staleness first, then workers for the active entities", () => {
    // Staleness 1 d -> a daily run (1.x priced it as every 6 h). 40% of 1,000,000 entities x 36 ms
    // = 14,400 s of work; window min(1 h, 12 h) - 300 s start-up = 3,300 s per worker -> 5 workers;
    // duration = 300 + 2,880 s.
    const a = assess(answers({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 36, maxStalenessSeconds: 86_400, activeSharePercent: 40 }), { flips: false });
    const b = a.estimates.batch!;
    expect(b.variant).toBe("scheduled");
    expect(b.cadenceSeconds).toBe(86_400);
    expect(b.entitiesScored).toBe(400_000);
    expect(b.workers).toBe(5);
    expect(b.runDurationSeconds).toBe(3_180);
    expect(b.cadenceAssumed).toBe(false);
    expect(b.worstCaseStalenessSeconds).toBe(89_580);
    expect(b.wastedPredictionsPerRun).toBe(0);
    expect(b.runsPerMonth).toBeCloseTo(30.42, 2);
    const expected = ((730 * 3600) / 86_400) * 5 * (3_180 / 3_600) * DEFAULT_PRICES.batchCpuWorkerHourUsd;
    expect(b.monthlyCostUsd).toBeCloseTo(expected, 2);
  });

  it("a weekly need is a weekly run, not a daily one", () => {
    const weekly = assess(answers({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 36, maxStalenessSeconds: 604_800 }), { flips: false }).estimates.batch!;
    const daily = assess(answers({ consumer: "report", entityCount: 1_000_000, processingTimeMs: 36, maxStalenessSeconds: 86_400 }), { flips: false }).estimates.batch!;
    expect(weekly.cadenceSeconds).toBe(604_800);
    expect(weekly.monthlyCostUsd! * 7).toBeCloseTo(daily.monthlyCostUsd!, 0);
  });

  it("has no worker cap: above the usual quota it warns, and assumes a daily cadence when staleness is unknown", () => {
    const a = assess(answers({ consumer: "report", entityCount: 100_000_000, processingTimeMs: 10 }), { flips: false });
    const b = a.estimates.batch!;
    // 1,000,000 s of work / 3,300 s per worker = 304 workers -> 300 + 3,289.5 s.
    expect(b.workers).toBe(304);
    expect(b.runDurationSeconds).toBe(3_589); // 4 significant digits
    expect(b.cadenceSeconds).toBe(86_400);
    expect(b.cadenceAssumed).toBe(true);
    expect(b.quotaWarning).toMatch(/304 parallel workers.*quota/);
    expect(a.warnings.map((w) => w.code)).toContain("batch-worker-quota");
    expect(a.ranking.find((r) => r.strategy === "batch")!.feasible).toBe(true);
  });

  it("per-item triggered jobs: one 3-hour sample per trigger is a batch job, not async", () => {
    // Async allows 1 h per request and Batch Transform 1 h per invocation; a job may run 5 days.
    const a = assess(answers({ consumer: "human-later", inputsEnumerable: false, inputSource: "files", deliveryMode: "file", processingTimeMs: 10_800_000, payloadMB: 2_000, latencyBudgetMs: 86_400_000, avgRequestsPerSecond: 0.0001, peakRequestsPerSecond: 0.001 }), { flips: false });
    expect(a.recommended).toBe("batch");
    const b = a.estimates.batch!;
    expect(b.variant).toBe("per-item");
    expect(b.runsPerMonth).toBeCloseTo(0.0001 * 730 * 3600, 1);
    expect(b.monthlyCostUsd).toBeCloseTo(0.0001 * 730 * 3600 * ((300 + 10_800) / 3600) * DEFAULT_PRICES.batchCpuWorkerHourUsd, 1);
    expect(a.ranking.find((r) => r.strategy === "async")!.blockedBy.map((b) => b.rule)).toEqual(expect.arrayContaining(["async-timeout", "async-payload-limit"]));
  });

  it("uses GPU worker prices and honours price overrides", () => {
    const o = answers({ consumer: "report", entityCount: 10_000, processingTimeMs: 360, maxStalenessSeconds: 86_400, needsGpu: true });
    const cheap = assess(o, { flips: false, prices: { batchGpuWorkerHourUsd: 1 } }).estimates.batch!;
    const dear = assess(o, { flips: false, prices: { batchGpuWorkerHourUsd: 2 } }).estimates.batch!;
    expect(dear.monthlyCostUsd!).toBeCloseTo(cheap.monthlyCostUsd! * 2, 1);
  });
});

describe("realtime estimate (capacity model)", () => {
  const base = { consumer: "user-request" as const, peakRequestsPerSecond: 300, avgRequestsPerSecond: 300, processingTimeMs: 100, latencyBudgetMs: 60_100, idleHoursPerDay: 0, criticality: "medium" as const };

  it("30 Erlangs on 4-vCPU replicas at 70% utilisation: 43 slots -> 11 replicas", () => {
    const r = assess(answers(base), { flips: false }).estimates.realtime!;
    expect(r.offeredLoadErlangs).toBe(30);
    expect(r.concurrencyPerReplica).toBe(4);
    expect(r.targetUtilisation).toBe(0.7);
    expect(r.replicasAtPeak).toBe(11); // ceil(ceil(30 / 0.7) / 4)
    expect(r.utilisationAtPeak!).toBeLessThanOrEqual(0.75);
    expect(r.utilisationAtPeak!).toBeGreaterThanOrEqual(0.6);
    expect(r.probWaitExceedsBudget!).toBeLessThanOrEqual(0.01);
    expect(r.serving).toBe("always-on");
    expect(r.nPlusOne).toBe(false);
    expect(r.monthlyCostAlwaysOnUsd).toBeCloseTo(11 * 730 * DEFAULT_PRICES.cpuReplicaHourUsd, 2);
  });

  it("N+1 for high and critical use cases; a tighter budget needs more replicas", () => {
    const crit = assess(answers({ ...base, criticality: "high" }), { flips: false }).estimates.realtime!;
    expect(crit.nPlusOne).toBe(true);
    expect(crit.replicasAtPeak).toBe(12);
    const tiny = assess(answers({ ...base, peakRequestsPerSecond: 0.1, avgRequestsPerSecond: 0.1, criticality: "critical" }), { flips: false }).estimates.realtime!;
    expect(tiny.replicasAtPeak).toBe(2);
    expect(tiny.minReplicas).toBe(2);
    // 2 Erlangs: the utilisation target needs 3 slots (1 replica); a 5 ms wait budget needs more.
    const loose = assess(answers({ ...base, peakRequestsPerSecond: 20, avgRequestsPerSecond: 20 }), { flips: false }).estimates.realtime!;
    const tight = assess(answers({ ...base, peakRequestsPerSecond: 20, avgRequestsPerSecond: 20, latencyBudgetMs: 105 }), { flips: false }).estimates.realtime!;
    expect(loose.replicasAtPeak).toBe(1);
    expect(tight.replicasAtPeak!).toBeGreaterThan(1);
  });

  it("the average fleet is sized from the average traffic on its own", () => {
    const r = assess(answers({ ...base, peakRequestsPerSecond: 3_000, avgRequestsPerSecond: 30 }), { flips: false }).estimates.realtime!;
    expect(r.replicasAtPeak).toBe(108); // ceil(ceil(300 / 0.7) / 4)
    expect(r.replicasAtAverage).toBe(2); // ceil(ceil(3 / 0.7) / 4), not ceil(108 x 30 / 3000)
  });

  it("GPU models batch requests (dynamic, or continuous for large models) and need GPUs for their size", () => {
    const small = assess(answers({ ...base, needsGpu: true, modelSizeGB: 2, processingTimeMs: 50, latencyBudgetMs: 500, peakRequestsPerSecond: 400, avgRequestsPerSecond: 400 }), { flips: false }).estimates.realtime!;
    expect(small.batching).toBe("dynamic");
    expect(small.batchSize).toBe(8); // 50 ms x (1 + 0.1 x 7) + 10 ms window <= 250 ms
    expect(small.batchAddedLatencyMs).toBe(45); // 35 ms longer batch + 10 ms window
    expect(small.gpusPerReplica).toBe(1);
    // Unbatched, 400 req/s x 50 ms at 70% would need 29 GPUs; a batch of 8 in 85 ms: 34 x 0.085 / 8 -> 7.
    expect(small.replicasAtPeak).toBe(7);
    const llm = assess(answers({ ...base, needsGpu: true, modelSizeGB: 60, processingTimeMs: 200, latencyBudgetMs: 2_000, peakRequestsPerSecond: 5, avgRequestsPerSecond: 5 }), { flips: false }).estimates.realtime!;
    expect(llm.batching).toBe("continuous");
    expect(llm.batchSize).toBe(32);
    expect(llm.gpusPerReplica).toBe(3); // 60 GB x 1.2 / 24 GB
    expect(llm.monthlyCostAlwaysOnUsd).toBeCloseTo(llm.replicasAtPeak! * 3 * 730 * DEFAULT_PRICES.gpuReplicaHourUsd, 0);
  });

  it("a model too large for any replica rules out every server-side strategy (100,000 GB)", () => {
    const a = assess(answers({ needsGpu: true, modelSizeGB: 100_000 }), { flips: false });
    for (const r of a.ranking) if (r.strategy !== "edge") expect(r.blockedBy.map((b) => b.rule)).toContain("model-exceeds-replica");
    expect(a.recommended).toBeNull();
  });

  it("scale-to-zero is priced in serverless GB-seconds when the cold start is tolerated and within the budget", () => {
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
  it("async workers at average and peak (4 vCPU slots at 70%), latency and cost", () => {
    const o = answers({ consumer: "human-later", avgRequestsPerSecond: 0.2, peakRequestsPerSecond: 2, processingTimeMs: 45_000, idleHoursPerDay: 0 });
    const e = assess(o, { flips: false }).estimates.async!;
    expect(e.workersAtAverage).toBe(4); // ceil(0.2 x 45 / (0.7 x 4))
    expect(e.workersAtPeak).toBe(33); // ceil(2 x 45 / (0.7 x 4))
    expect(e.p99LatencyMs).toBe(46_000);
    const messages = 0.2 * 730 * 3600;
    expect(e.messagesPerMonth).toBeCloseTo(messages, 0);
    expect(e.monthlyCostUsd).toBeCloseTo(0.23 * 730 * 18.5 + (messages / 1e6) * 0.4, 1);
  });

  it("streaming consumers, and shards by records/s and by MB/s (500 MB/s is not one shard)", () => {
    const e = assess(answers({ consumer: "event-pipeline", peakRequestsPerSecond: 8_000, avgRequestsPerSecond: 2_000, processingTimeMs: 2 }), { flips: false }).estimates.streaming!;
    expect(e.consumers).toBe(6); // ceil(16 / (0.7 x 4))
    expect(e.shards).toBe(8);
    expect(e.endToEndLatencyMs).toBe(1_002);
    expect(e.monthlyCostUsd).toBeCloseTo(730 * (6 * 0.23 + 8 * 0.015), 2);
    const heavy = assess(answers({ consumer: "event-pipeline", peakRequestsPerSecond: 100, avgRequestsPerSecond: 100, processingTimeMs: 2, payloadMB: 5 }), { flips: false }).estimates.streaming!;
    expect(heavy.throughputMBps).toBe(500);
    expect(heavy.shards).toBe(500);
  });

  it("hybrid sends the misses to a live path sized for peak x (1 - hit rate)", () => {
    const e = assess(answers({ consumer: "user-request", inputsEnumerable: true, peakRequestsPerSecond: 3_000, avgRequestsPerSecond: 300, processingTimeMs: 30, latencyBudgetMs: 80, entityCount: 1_000_000, maxStalenessSeconds: 86_400 }), { flips: false }).estimates.hybrid!;
    expect(e.assumedHitRate).toBe(0.9);
    expect(e.liveRequestsPerSecondAtPeak).toBe(300);
    expect(e.liveReplicasAtPeak).toBe(4); // 9 Erlangs: ceil(9 / 0.7) = 13 slots over 4 per replica
    expect(e.p99LatencyHitMs).toBe(10);
    expect(e.monthlyCostUsd!).toBeCloseTo(e.batchMonthlyCostUsd! + e.liveMonthlyCostUsd! + e.lookupMonthlyCostUsd!, 1);
  });

  it("edge: device latency = 2 x processing, no server cost (only when it demonstrably fits)", () => {
    const e = assess(answers({ consumer: "user-request", processingTimeMs: 4, modelSizeGB: 0.05, needsGpu: false }), { flips: false }).estimates.edge!;
    expect(e.deviceLatencyMs).toBe(8);
    expect(e.fitsOnPhone).toBe(true);
    expect(e.monthlyServerCostUsd).toBe(0);
    expect(assess(answers({ consumer: "user-request", processingTimeMs: 4, modelSizeGB: 0.05 }), { flips: false }).estimates.edge).toBeNull();
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
