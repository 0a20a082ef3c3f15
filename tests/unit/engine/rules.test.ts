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

describe("hard rules", () => {
  const cases: [string, Partial<Answers>, StrategyId[]][] = [
    ["request-time-features", { featureFreshness: "request" }, ["batch"]],
    ["inputs-not-enumerable", { inputsEnumerable: false }, ["batch"]],
    ["offline-required", { offlineOrOnDevice: true }, ["batch", "realtime", "async", "streaming", "hybrid"]],
    ["processing-exceeds-budget", { processingTimeMs: 200, latencyBudgetMs: 150 }, ["realtime"]],
    ["batch-run-exceeds-staleness", { maxStalenessSeconds: 120 }, ["batch"]],
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

  it("a batch run longer than the staleness allowed blocks batch (with the computed duration)", () => {
    // 10M entities x 50 ms = 500,000 s of work; 100 workers max -> 300 + 5,000 s run; 1 h allowed.
    const a = run({ entityCount: 10_000_000, processingTimeMs: 50, maxStalenessSeconds: 3_600 });
    expect(entry(a, "batch").feasible).toBe(false);
    expect(constraint(a, "batch-run-exceeds-staleness")[0]!.message).toContain("1.5 h");
  });

  it("infeasible strategies always name their blocking rule", () => {
    const a = run({ featureFreshness: "request", inputsEnumerable: false, offlineOrOnDevice: true });
    for (const r of a.ranking) if (!r.feasible) expect(r.blockedBy.length).toBeGreaterThan(0);
    expect(a.recommended).toBe("edge");
  });
});

describe("soft rules (documented platform limits and penalties)", () => {
  const cases: [string, Partial<Answers>, StrategyId, boolean][] = [
    ["sync-payload-limit", { payloadMB: 50 }, "realtime", true],
    ["async-payload-limit", { payloadMB: 5_000 }, "async", true],
    ["sync-timeout", { processingTimeMs: 120_000 }, "realtime", true],
    ["async-timeout", { processingTimeMs: 7_200_000 }, "async", true],
    ["hybrid-live-path-too-slow", { processingTimeMs: 300, latencyBudgetMs: 200 }, "hybrid", false],
    ["edge-device-latency", { processingTimeMs: 60, latencyBudgetMs: 100 }, "edge", false],
    ["hybrid-precompute-stale", { maxStalenessSeconds: 60 }, "hybrid", false],
    ["batch-cadence-below-15min", { maxStalenessSeconds: 1_000 }, "batch", false],
    ["edge-model-size", { modelSizeGB: 8 }, "edge", true],
  ];
  it.each(cases)("%s penalises %s", (id, o, strategy, hasSource) => {
    const a = run(o);
    const c = constraint(a, id);
    expect(c.length).toBeGreaterThan(0);
    expect(c[0]!.level).toBe("soft");
    expect(c[0]!.strategies).toContain(strategy);
    if (hasSource) expect(c[0]!.source).toMatch(/documented|heuristic/i);
    const contrib = contribution(a, strategy, id);
    expect(contrib.length).toBe(1);
    expect(contrib[0]!.points).toBeLessThan(0);
    expect(entry(a, strategy).feasible).toBe(true); // soft rules never block
  });

  it("names the platform limits' sources", () => {
    const a = run({ payloadMB: 50, processingTimeMs: 120_000 });
    expect(constraint(a, "sync-payload-limit")[0]!.source).toMatch(/SageMaker.*6 MB/);
    expect(constraint(a, "sync-payload-limit")[0]!.source).toMatch(/Vertex AI/);
    expect(constraint(a, "sync-payload-limit")[0]!.source).toMatch(/Databricks/);
    expect(constraint(a, "sync-timeout")[0]!.source).toMatch(/60 s/);
    expect(run({ payloadMB: 5_000 }).constraints.find((c) => c.id === "async-payload-limit")!.source).toMatch(/1 GB/);
    expect(run({ processingTimeMs: 7_200_000 }).constraints.find((c) => c.id === "async-timeout")!.source).toMatch(/1 hour/);
  });

  it("limits are exclusive at the documented value (6 MB is still accepted)", () => {
    expect(constraint(run({ payloadMB: 6 }), "sync-payload-limit")).toHaveLength(0);
    expect(constraint(run({ payloadMB: 6.01 }), "sync-payload-limit")).toHaveLength(1);
    expect(constraint(run({ processingTimeMs: 60_000 }), "sync-timeout")).toHaveLength(0);
  });

  it("cost over budget is a soft rule per strategy", () => {
    const a = run({ peakRequestsPerSecond: 1_000, avgRequestsPerSecond: 1_000, processingTimeMs: 100, latencyBudgetMs: 500, monthlyBudgetUsd: 100 });
    const over = constraint(a, "cost-over-budget");
    expect(over.map((c) => c.strategies[0])).toContain("realtime");
    expect(contribution(a, "realtime", "cost-over-budget")[0]!.points).toBe(-12.5);
  });
});

describe("advisory rules", () => {
  it("payload between 1 and 6 MB", () => {
    const c = constraint(run({ payloadMB: 3 }), "payload-over-1mb");
    expect(c[0]!.level).toBe("advisory");
    expect(c[0]!.source).toMatch(/1\.5 MB/);
  });
  it("GPU models cannot use serverless scale-to-zero", () => {
    const a = run({ needsGpu: true, peakRequestsPerSecond: 1, avgRequestsPerSecond: 1, processingTimeMs: 50, latencyBudgetMs: 500 });
    expect(constraint(a, "serverless-no-gpu")[0]!.level).toBe("advisory");
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
    ["cost-vs-budget", { entityCount: 1000, processingTimeMs: 10, monthlyBudgetUsd: 1_000_000 }, "batch", 1],
    ["complexity", {}, "hybrid", -1],
  ];
  it.each(cases)("%s %j moves %s", (factor, o, strategy, sign) => {
    const c = contribution(run(o), strategy, factor);
    expect(c.length).toBeGreaterThan(0);
    expect(Math.sign(c[0]!.points)).toBe(sign);
    expect(c[0]!.reason.length).toBeGreaterThan(10);
  });

  it("idle hours with enough cold-start tolerance selects scale-to-zero instead of a penalty", () => {
    const o = { consumer: "user-request" as const, idleHoursPerDay: 16, coldStartToleranceSeconds: 120, peakRequestsPerSecond: 2, avgRequestsPerSecond: 0.5, processingTimeMs: 50, latencyBudgetMs: 500, modelSizeGB: 0.5, needsGpu: false, featureFreshness: "request" as const, inputsEnumerable: false };
    const a = run(o);
    expect(contribution(a, "realtime", "idle-hours")).toHaveLength(0);
    expect(a.estimates.realtime!.serving).toBe("scale-to-zero");
    expect(a.recommended).toBe("realtime");
    expect(a.serving).toBe("scale-to-zero");
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
