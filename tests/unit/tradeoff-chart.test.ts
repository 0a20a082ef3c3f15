import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS } from "~/engine";
import { costTick, latencyTick, tradeoffChartData, type TradeoffChartInput } from "~/features/decisions/tradeoff-chart";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;

/** A hand-made assessment subset: what the chart reads, with the cases the engine may produce. */
function input(overrides: Partial<TradeoffChartInput> = {}): TradeoffChartInput {
  return {
    recommended: "realtime",
    ranking: [
      { strategy: "realtime", label: "Real-time endpoint", rank: 1, feasible: true, blockedBy: [] },
      { strategy: "hybrid", label: "Hybrid", rank: 2, feasible: true, blockedBy: [] },
      { strategy: "batch", label: "Batch", rank: 3, feasible: false, blockedBy: [{ rule: "fresh", message: "Inputs arrive in the request." }] },
      { strategy: "edge", label: "Edge", rank: 4, feasible: true, blockedBy: [] },
    ],
    tradeoffs: [
      { strategy: "batch", latency: { p99Ms: 3_600_000 }, cost: { monthlyUsd: 120 } },
      { strategy: "realtime", latency: { p99Ms: 40 }, cost: { monthlyUsd: 3_274 } },
      { strategy: "hybrid", latency: { p99Ms: null }, cost: { monthlyUsd: 900 } },
      { strategy: "edge", latency: { p99Ms: 12 }, cost: { monthlyUsd: 0 } },
    ],
    ...overrides,
  };
}

describe("the trade-off chart's data", () => {
  it("maps each strategy to a point in rank order, with its figures, flags and reasons", () => {
    const data = tradeoffChartData(input(), { latencyBudgetMs: 150, monthlyBudgetUsd: 5_000 }, "hybrid");
    expect(data.points.map((p) => p.strategy)).toEqual(["realtime", "hybrid", "batch", "edge"]);
    const [realtime, hybrid, batch, edge] = data.points;
    expect(realtime).toMatchObject({ recommended: true, approved: false, feasible: true, p99Ms: 40, monthlyUsd: 3_274, withinLatency: true, withinBudget: true, plotted: true });
    expect(hybrid).toMatchObject({ recommended: false, approved: true, p99Ms: null, plotted: false, withinLatency: null, latencyText: "p99 latency unknown" });
    expect(batch).toMatchObject({ feasible: false, blockedBy: ["Inputs arrive in the request."], withinLatency: false, withinBudget: true, plotted: true });
    // A $0 cost is placed (the cost axis is symmetric-log, so 0 is its origin).
    expect(edge).toMatchObject({ monthlyUsd: 0, plotted: true });
  });

  it("draws both budgets as lines and fits the axes' decades around the points and the budgets", () => {
    const data = tradeoffChartData(input(), { latencyBudgetMs: 150, monthlyBudgetUsd: 50_000 });
    expect(data.latencyBudget).toEqual({ value: 150, text: "Latency budget 150 ms" });
    expect(data.monthlyBudget?.value).toBe(50_000);
    expect(data.monthlyBudget?.text).toMatch(/^Monthly budget \$50,000/);
    expect(data.costDomain).toEqual([0, 100_000]);
    expect(data.latencyDomain).toEqual([10, 10_000_000]);
    expect(data.costTicks).toEqual([0, 1, 10, 100, 1_000, 10_000, 100_000]);
    expect(data.latencyTicks).toEqual([10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]);
  });

  it("leaves unknown figures out of the plot and says so in the text alternative", () => {
    const data = tradeoffChartData(input(), {});
    expect(data.plotted.map((p) => p.strategy)).toEqual(["realtime", "batch", "edge"]);
    expect(data.unplotted.map((p) => p.strategy)).toEqual(["hybrid"]);
    expect(data.latencyBudget).toBeNull();
    expect(data.monthlyBudget).toBeNull();
    expect(data.description).toContain("No latency budget was given. No monthly budget was given.");
    expect(data.description).toContain("Hybrid: p99 latency unknown, $900 a month.");
    expect(data.description).toContain("Batch: p99 1 h, $120 a month — ruled out (Inputs arrive in the request.).");
  });

  it("tolerates no recommendation, non-finite and negative figures, and a strategy missing from the trade-offs", () => {
    const data = tradeoffChartData(
      input({
        recommended: null,
        tradeoffs: [
          { strategy: "realtime", latency: { p99Ms: Number.NaN }, cost: { monthlyUsd: 10 } },
          { strategy: "batch", latency: { p99Ms: 0 }, cost: { monthlyUsd: -5 } },
        ],
      }),
      { latencyBudgetMs: -1, monthlyBudgetUsd: Number.POSITIVE_INFINITY },
    );
    expect(data.points.every((p) => !p.recommended)).toBe(true);
    expect(data.plotted).toEqual([]);
    expect(data.latencyBudget).toBeNull();
    expect(data.monthlyBudget).toBeNull();
    expect(data.points.find((p) => p.strategy === "edge")).toMatchObject({ p99Ms: null, monthlyUsd: null, costText: "cost unknown" });
    expect(data.costDomain[1]).toBeGreaterThan(0);
    expect(data.latencyDomain[1]).toBeGreaterThan(data.latencyDomain[0]);
  });

  it("reads a real assessment: six strategies, the engine's recommendation, its ruled-out strategies marked", () => {
    const assessment = assess(fraud);
    const data = tradeoffChartData(assessment, fraud);
    expect(data.points).toHaveLength(6);
    expect(data.points.find((p) => p.recommended)?.strategy).toBe(assessment.recommended);
    expect(data.points.filter((p) => !p.feasible).map((p) => p.strategy)).toEqual(assessment.ranking.filter((r) => !r.feasible).map((r) => r.strategy));
    expect(data.latencyBudget?.value).toBe(fraud.latencyBudgetMs);
    for (const p of data.plotted) {
      expect(p.monthlyUsd!).toBeLessThanOrEqual(data.costDomain[1]);
      expect(p.p99Ms!).toBeGreaterThanOrEqual(data.latencyDomain[0]);
      expect(p.p99Ms!).toBeLessThanOrEqual(data.latencyDomain[1]);
    }
  });

  it("labels ticks briefly", () => {
    expect([0, 1, 1_000, 1_000_000].map(costTick)).toEqual(["$0", "$1", "$1k", "$1M"]);
    expect([1, 100, 1_000, 60_000, 3_600_000, 86_400_000].map(latencyTick)).toEqual(["1 ms", "100 ms", "1 s", "1 min", "1 h", "1 d"]);
  });
});
