import { describe, expect, it } from "vitest";
import { assess, type Answers, type Assessment, type StrategyId } from "~/engine";
import { answers } from "./helpers";

function constraint(a: Assessment, id: string) {
  return a.constraints.filter((c) => c.id === id);
}
function contribution(a: Assessment, strategy: StrategyId, factor: string) {
  return a.ranking.find((r) => r.strategy === strategy)!.contributions.filter((c) => c.factor === factor);
}
function entry(a: Assessment, strategy: StrategyId) {
  return a.ranking.find((r) => r.strategy === strategy)!;
}
const run = (o: Partial<Answers>) => assess(answers(o), { flips: false });

// 2.0.0: documented limits are hard (feasibility before scoring); heuristics are labelled.
describe("hard rules", () => {
  const cases: [string, Partial<Answers>, StrategyId[]][] = [
    // A per-item triggered job could still score request-time inputs; a 100 ms budget rules it out too.
    ["request-time-features", { featureFreshness: "request", latencyBudgetMs: 100 }, ["batch"]],
    ["inputs-not-enumerable", { inputsEnumerable: false, latencyBudgetMs: 100 }, ["batch"]],
    ["offline-required", { offlineOrOnDevice: true }, ["batch", "realtime", "async", "streaming", "hybrid"]],
    ["processing-exceeds-budget", { processingTimeMs: 200, latencyBudgetMs: 150 }, ["realtime"]],
    ["hybrid-live-path-too-slow", { processingTimeMs: 200, latencyBudgetMs: 150 }, ["hybrid"]],
    ["batch-run-exceeds-staleness", { maxStalenessSeconds: 120, latencyBudgetMs: 100 }, ["batch"]],
    ["no-serving-variant", { payloadMB: 50 }, ["realtime"]],
    ["stream-record-limit", { payloadMB: 50 }, ["streaming"]],
    ["async-payload-limit", { payloadMB: 5_000 }, ["async"]],
    ["async-timeout", { processingTimeMs: 7_200_000 }, ["async"]],
    ["edge-not-required", { offlineOrOnDevice: false }, ["edge"]],
    ["edge-model-too-large", { offlineOrOnDevice: true, modelSizeGB: 14 }, ["edge"]],
    ["edge-device-latency", { offlineOrOnDevice: true, processingTimeMs: 60, latencyBudgetMs: 100 }, ["edge"]],
    ["model-exceeds-replica", { modelSizeGB: 100_000, needsGpu: true }, ["batch", "realtime", "async", "streaming", "hybrid"]],
  ];
  it.each(cases)("%s blocks %j", (id, o, blocked) => {
    const a = run(o);
    const c = constraint(a, id);
    expect(c).toHaveLength(1);
    expect(c[0]!.level).toBe("hard");
    expect(c[0]!.strategies).toEqual(blocked);
    for (const s of blocked) {
      expect(entry(a, s).feasible).toBe(false);
      expect(entry(a, s).blockedBy.map((b) => b.rule)).toContain(id);
    }
    expect(blocked).not.toContain(a.recommended);
  });

  it("processing exactly at the budget already rules out synchronous serving", () => {
    expect(entry(run({ processingTimeMs: 150, latencyBudgetMs: 150 }), "realtime").feasible).toBe(false);
    expect(entry(run({ processingTimeMs: 149, latencyBudgetMs: 150 }), "realtime").feasible).toBe(true);
  });

  it("batch is ruled out only when even one worker per item cannot refresh within the staleness", () => {
    // 10M entities x 50 ms within 1 h: no worker cap any more, so more workers finish in time.
    const a = run({ entityCount: 10_000_000, processingTimeMs: 50, maxStalenessSeconds: 3_600 });
    expect(entry(a, "batch").feasible).toBe(true);
    // One item takes 20 min + 5 min start-up: a 15 min staleness cannot be met by any run.
    const b = run({ entityCount: 10, processingTimeMs: 1_200_000, maxStalenessSeconds: 900, latencyBudgetMs: 1_000 });
    expect(entry(b, "batch").feasible).toBe(false);
    expect(constraint(b, "batch-run-exceeds-staleness")[0]!.message).toContain("25 min");
  });

  it("infeasible strategies always name their blocking rule, with sources for documented limits", () => {
    const a = run({ featureFreshness: "request", inputsEnumerable: false, offlineOrOnDevice: true });
    for (const r of a.ranking) if (!r.feasible) expect(r.blockedBy.length).toBeGreaterThan(0);
    expect(a.recommended).toBe("edge");
    const big = run({ payloadMB: 50 });
    const sources = entry(big, "realtime").blockedBy[0]!.sources;
    expect(sources.map((s) => s.id)).toEqual(expect.arrayContaining(["realtimePayloadMB", "dedicatedPayloadMB", "serverlessPayloadMB"]));
    for (const s of sources.filter((x) => x.id.endsWith("PayloadMB"))) {
      expect(s.kind).toBe("documented");
      expect(s.url).toMatch(/^https:\/\//);
    }
  });
});

describe("documented limits (2.0.0: hard, per serving variant)", () => {
  it("limits are exclusive at the documented value; above 6 MB only a dedicated endpoint, above 10 MB none", () => {
    expect(run({ payloadMB: 6 }).estimates.realtime!.serving).toBe("always-on");
    const a = run({ payloadMB: 6.01 });
    expect(entry(a, "realtime").feasible).toBe(true);
    expect(a.estimates.realtime!.serving).toBe("dedicated");
    expect(a.estimates.realtime!.variants.find((v) => v.variant === "always-on")!.feasible).toBe(false);
    expect(entry(run({ payloadMB: 10 }), "realtime").feasible).toBe(true);
    expect(entry(run({ payloadMB: 10.01 }), "realtime").feasible).toBe(false);
  });

  it("Vertex AI dedicated endpoints allow up to 1 h: 2 min of processing is served by a dedicated endpoint, 2 h by none", () => {
    const a = run({ processingTimeMs: 120_000 });
    expect(a.estimates.realtime!.serving).toBe("dedicated");
    expect(entry(run({ processingTimeMs: 7_200_000 }), "realtime").feasible).toBe(false);
  });

  it("serverless is ruled out above 200 concurrent requests per endpoint, and for GPUs", () => {
    const base = { peakRequestsPerSecond: 500, avgRequestsPerSecond: 100, processingTimeMs: 1_000, latencyBudgetMs: 60_000, coldStartToleranceSeconds: 600, idleHoursPerDay: 20, modelSizeGB: 0.2, needsGpu: false };
    const scaleToZero = (o: Partial<Answers>) => run(o).estimates.realtime!.variants.find((v) => v.variant === "scale-to-zero")!;
    const v = scaleToZero(base);
    expect(v.feasible).toBe(false);
    expect(v.blockedBy.map((b) => b.rule)).toContain("serverless-concurrency");
    expect(v.blockedBy[0]!.sources[0]!.value).toBe(200);
    expect(scaleToZero({ ...base, peakRequestsPerSecond: 100 }).feasible).toBe(true);
    expect(scaleToZero({ ...base, peakRequestsPerSecond: 100, needsGpu: true }).blockedBy.map((b) => b.rule)).toContain("serverless-no-gpu");
  });

  it("a cold start beyond the latency budget rules out scale-to-zero even when the tolerance allows it", () => {
    const o = { consumer: "user-request" as const, idleHoursPerDay: 16, coldStartToleranceSeconds: 120, peakRequestsPerSecond: 2, avgRequestsPerSecond: 0.5, processingTimeMs: 50, modelSizeGB: 0.5, needsGpu: false };
    const tight = run({ ...o, latencyBudgetMs: 500 });
    expect(tight.estimates.realtime!.serving).toBe("always-on");
    expect(tight.estimates.realtime!.variants.find((v) => v.variant === "scale-to-zero")!.blockedBy.map((b) => b.rule)).toContain("cold-start");
    expect(run({ ...o, latencyBudgetMs: 20_000 }).estimates.realtime!.serving).toBe("scale-to-zero");
  });

  it("cost over budget is a soft rule per strategy, with its size shown", () => {
    const a = run({ peakRequestsPerSecond: 1_000, avgRequestsPerSecond: 1_000, processingTimeMs: 100, latencyBudgetMs: 500, monthlyBudgetUsd: 100 });
    const over = constraint(a, "cost-over-budget");
    expect(over.map((c) => c.strategies[0])).toContain("realtime");
    const rt = over.find((c) => c.strategies[0] === "realtime")!;
    expect(rt.level).toBe("soft");
    expect(rt.message).toMatch(/over the \$100 budget \(\d/);
    expect(contribution(a, "realtime", "cost-over-budget")[0]!.points).toBe(-15);
    expect(entry(a, "realtime").feasible).toBe(true);
  });
});

describe("advisory rules", () => {
  it("payload between 1.5 and 10 MB: shared endpoints and default stream records refuse it", () => {
    const c = constraint(run({ payloadMB: 3 }), "payload-over-shared-endpoint");
    expect(c[0]!.level).toBe("advisory");
    expect(c[0]!.source).toMatch(/1\.5 MB/);
    expect(c[0]!.sources.map((s) => s.id)).toEqual(["sharedPublicPayloadMB", "dedicatedPayloadMB"]);
  });
});

describe("factors", () => {
  const cases: [string, Partial<Answers>, StrategyId, 1 | -1][] = [
    ["consumer", { consumer: "report" }, "batch", 1],
    ["consumer", { consumer: "user-request" }, "realtime", 1],
    ["consumer", { consumer: "event-pipeline" }, "streaming", 1],
    ["consumer", { consumer: "human-later" }, "edge", -1],
    ["latency-budget", { latencyBudgetMs: 20 }, "async", -1],
    ["latency-budget", { latencyBudgetMs: 600_000 }, "async", 1],
    ["staleness", { maxStalenessSeconds: 172_800 }, "batch", 1],
    ["staleness", { maxStalenessSeconds: 10 }, "streaming", 1],
    ["feature-freshness", { featureFreshness: "daily" }, "batch", 1],
    ["feature-freshness", { featureFreshness: "seconds" }, "streaming", 1],
    ["inputs-enumerable", { inputsEnumerable: true }, "hybrid", 1],
    ["input-source", { inputSource: "event-stream" }, "streaming", 1],
    ["input-source", { inputSource: "device" }, "edge", 1],
    ["delivery-mode", { deliveryMode: "callback" }, "async", 1],
    ["delivery-mode", { deliveryMode: "file" }, "batch", 1],
    ["fallback", { fallbackAcceptable: true }, "hybrid", 1],
    ["fallback", { fallbackAcceptable: false }, "hybrid", -1],
    ["criticality", { criticality: "low" }, "batch", 1],
    ["criticality", { criticality: "critical", fallbackAcceptable: true }, "hybrid", 1],
    ["offline", { offlineOrOnDevice: false }, "edge", -1],
    ["offline", { offlineOrOnDevice: true }, "edge", 1],
    ["payload", { payloadMB: 3 }, "realtime", -1],
    ["processing-time", { processingTimeMs: 20_000 }, "async", 1],
    ["traffic-burstiness", { avgRequestsPerSecond: 1, peakRequestsPerSecond: 50 }, "async", 1],
    ["traffic-volume", { avgRequestsPerSecond: 0.001, peakRequestsPerSecond: 0.005 }, "realtime", -1],
    ["idle-hours", { idleHoursPerDay: 16, coldStartToleranceSeconds: 0 }, "realtime", -1],
    ["active-share", { activeSharePercent: 5 }, "batch", -1],
    ["active-share", { activeSharePercent: 95 }, "batch", 1],
    ["edge-model-size", { modelSizeGB: 0.5 }, "edge", -1],
    ["needs-gpu", { needsGpu: true }, "edge", -1],
    // 2.0.0: no within-budget bonus; far above the cheapest feasible strategy costs points.
    ["cost-vs-cheapest", { consumer: "report", entityCount: 1000, processingTimeMs: 10, maxStalenessSeconds: 86_400, peakRequestsPerSecond: 50, avgRequestsPerSecond: 50, latencyBudgetMs: 5_000 }, "streaming", -1],
    ["complexity", {}, "hybrid", -1],
  ];
  it.each(cases)("%s %j moves %s", (factor, o, strategy, sign) => {
    const c = contribution(run(o), strategy, factor);
    expect(c.length).toBeGreaterThan(0);
    expect(Math.sign(c[0]!.points)).toBe(sign);
    expect(c[0]!.reason.length).toBeGreaterThan(10);
  });

  it("idle hours with enough cold-start tolerance (within the latency budget) selects scale-to-zero instead of a penalty", () => {
    const o = { consumer: "user-request" as const, idleHoursPerDay: 16, coldStartToleranceSeconds: 120, peakRequestsPerSecond: 2, avgRequestsPerSecond: 0.5, processingTimeMs: 50, latencyBudgetMs: 20_000, modelSizeGB: 0.5, needsGpu: false, featureFreshness: "request" as const, inputsEnumerable: false };
    const a = run(o);
    expect(contribution(a, "realtime", "idle-hours")).toHaveLength(0);
    expect(a.estimates.realtime!.serving).toBe("scale-to-zero");
    expect(a.serving).toBe(a.recommended === "realtime" ? "scale-to-zero" : null);
  });
});

describe("scores", () => {
  it("contributions add up to the score, with base and clamp entries", () => {
    const a = run({ consumer: "report", maxStalenessSeconds: 2_592_000, featureFreshness: "daily", inputsEnumerable: true, inputSource: "database-table", deliveryMode: "file", activeSharePercent: 100 });
    for (const r of a.ranking) {
      const sum = r.contributions.reduce((s, c) => s + c.points, 0);
      expect(sum).toBe(r.score);
      expect(r.contributions[0]!.factor).toBe("base");
    }
    const batch = entry(a, "batch");
    expect(batch.score).toBe(100);
    expect(batch.contributions.at(-1)!.factor).toBe("clamp");
    expect(batch.contributions.at(-1)!.points).toBeLessThan(0);
  });

  it("ranking lists feasible strategies first, by score", () => {
    const a = run({ featureFreshness: "request", latencyBudgetMs: 100, processingTimeMs: 10 });
    const feasible = a.ranking.filter((r) => r.feasible);
    expect(a.ranking.slice(0, feasible.length)).toEqual(feasible);
    for (let i = 1; i < feasible.length; i++) expect(feasible[i - 1]!.score).toBeGreaterThanOrEqual(feasible[i]!.score);
    expect(a.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a.recommended).toBe(a.ranking[0]!.strategy);
  });
});
