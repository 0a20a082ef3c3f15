import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS } from "~/engine";
import { answers } from "./helpers";

describe("warnings", () => {
  it("flags a report consumer with a 50 ms latency budget as a contradiction", () => {
    const a = assess(answers({ consumer: "report", latencyBudgetMs: 50 }));
    const w = a.warnings.find((x) => x.code === "consumer-vs-latency")!;
    expect(w.kind).toBe("contradiction");
    expect(w.fields).toEqual(["consumer", "latencyBudgetMs"]);
    expect(a.confidence.reasons.map((r) => r.code)).toContain("contradictions");
  });

  it.each([
    ["offline-vs-input-source", { offlineOrOnDevice: true, inputSource: "database-table" as const }],
    ["idle-vs-traffic", { idleHoursPerDay: 24, peakRequestsPerSecond: 5 }],
    ["staleness-vs-freshness", { maxStalenessSeconds: 0, featureFreshness: "daily" as const }],
    ["enumerable-vs-request-features", { inputsEnumerable: true, featureFreshness: "request" as const }],
    ["consumer-vs-latency", { consumer: "user-request" as const, latencyBudgetMs: 7_200_000 }],
  ])("flags %s", (code, o) => {
    expect(assess(answers(o), { flips: false }).warnings.map((w) => w.code)).toContain(code);
  });

  it("names the unknown answers that would change the result, most influential first", () => {
    const a = assess(answers({ consumer: "service-request" }));
    const unknown = a.warnings.filter((w) => w.kind === "unknown");
    expect(unknown.length).toBeGreaterThan(0);
    for (const w of unknown) {
      expect(w.alternatives.length).toBeGreaterThan(0);
      expect(w.alternatives).not.toContain(a.recommended);
      expect(a.unknownFields).toContain(w.fields[0]);
    }
    const fields = unknown.map((w) => w.fields[0]);
    expect(fields).toContain("offlineOrOnDevice");
  });

  it("has no unknown warnings when everything is answered", () => {
    const a = assess(EXAMPLE_ANSWERS["monthly-reporting"]!.answers);
    expect(a.unknownFields).toEqual([]);
    expect(a.warnings.filter((w) => w.kind === "unknown")).toEqual([]);
  });
});

describe("confidence", () => {
  it("drops with unknown answers", () => {
    const full = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers, { flips: false });
    const partial = assess({ ...EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers, latencyBudgetMs: null, peakRequestsPerSecond: null, processingTimeMs: null }, { flips: false });
    expect(partial.confidence.value).toBeLessThan(full.confidence.value);
    expect(partial.confidence.reasons.find((r) => r.code === "unknown-answers")!.message).toMatch(/latency budget/);
  });

  it("drops when the first two strategies are close", () => {
    const a = assess(answers(), { flips: false });
    const feasible = a.ranking.filter((r) => r.feasible);
    if (feasible[0]!.score - feasible[1]!.score < 10) expect(a.confidence.reasons.map((r) => r.code)).toContain("narrow-gap");
  });

  it("drops for answers close to a rule threshold", () => {
    const a = assess({ ...EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers, latencyBudgetMs: 950 }, { flips: false });
    const near = a.confidence.reasons.find((r) => r.code === "near-threshold")!;
    expect(near.delta).toBeLessThan(0);
    expect(near.message).toMatch(/latency budget/);
  });

  it("is between 0.05 and 1, with a level, and the deltas explain it", () => {
    for (const ex of Object.values(EXAMPLE_ANSWERS)) {
      const c = assess(ex.answers, { flips: false }).confidence;
      expect(c.value).toBeGreaterThanOrEqual(0.05);
      expect(c.value).toBeLessThanOrEqual(1);
      const sum = c.reasons.reduce((s, r) => s + r.delta, 1);
      expect(c.value).toBeCloseTo(Math.max(0.05, Math.min(1, sum)), 6);
      expect(["low", "medium", "high"]).toContain(c.level);
    }
  });
});
