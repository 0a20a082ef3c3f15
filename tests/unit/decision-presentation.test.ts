import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, STRATEGIES } from "~/engine";
import { confidenceText, describeEstimateInput, estimateFigures, signedPoints } from "~/features/decisions/present";

describe("decision presentation", () => {
  it("gives the key figures of the recommended strategy (replicas and cost for real-time)", () => {
    const assessment = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
    const figures = Object.fromEntries(estimateFigures("realtime", assessment.estimates).map((f) => [f.label, f.value]));
    expect(figures["Replicas at peak"]).toBe(`${assessment.estimates.realtime!.replicasAtPeak} replicas`);
    expect(figures["Monthly cost"]).toMatch(/^\$[\d,]+ \/ month$/);
  });

  it("gives run duration and worst-case staleness for batch, and nothing for an infeasible strategy", () => {
    const sales = assess(EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers);
    const labels = estimateFigures("batch", sales.estimates).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(["Run duration", "Worst-case staleness", "Monthly cost"]));
    const fraud = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
    expect(estimateFigures("batch", fraud.estimates)).toEqual([]);
  });

  it("has figures for every strategy of every example where the strategy is feasible", () => {
    for (const example of Object.values(EXAMPLE_ANSWERS)) {
      const assessment = assess(example.answers);
      for (const strategy of STRATEGIES) {
        const figures = estimateFigures(strategy, assessment.estimates);
        expect(figures.length > 0).toBe(assessment.estimates[strategy] !== null);
      }
    }
  });

  it("describes estimate inputs in the questionnaire's words, and prices as prices", () => {
    expect(describeEstimateInput("peakRequestsPerSecond", 400)).toBe("Peak requests per second: 400 req/s");
    expect(describeEstimateInput("latencyBudgetMs", null)).toBe("Latency budget (p99): I don't know");
    expect(describeEstimateInput("replicaHourUsd", 0.23)).toBe("Replica-hour price: $0.23");
    expect(describeEstimateInput("somethingNew", 3)).toBe("somethingNew: 3");
  });

  it("writes points and confidence as text", () => {
    expect(signedPoints(7.5)).toBe("+7.5");
    expect(signedPoints(-12.5)).toBe("−12.5");
    expect(signedPoints(50)).toBe("+50");
    expect(signedPoints(0)).toBe("0");
    expect(confidenceText({ value: 0.91, level: "high" })).toBe("91% (high)");
  });
});
