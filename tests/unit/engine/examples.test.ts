import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, parseAnswers } from "~/engine";

describe("worked examples", () => {
  it("include the seed's four examples and one per other strategy", () => {
    const expected = Object.values(EXAMPLE_ANSWERS).map((e) => e.expected);
    for (const s of ["batch", "realtime", "async", "streaming", "hybrid", "edge"]) expect(expected).toContain(s);
    expect(EXAMPLE_ANSWERS["daily-sales-forecast"]!.expected).toBe("batch");
    expect(EXAMPLE_ANSWERS["monthly-reporting"]!.expected).toBe("batch");
    expect(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.expected).toBe("realtime");
    expect(EXAMPLE_ANSWERS["dynamic-pricing"]!.expected).toBe("realtime");
  });

  it.each(Object.entries(EXAMPLE_ANSWERS))("%s is valid and comes out as expected", (_key, ex) => {
    expect(parseAnswers(ex.answers).ok).toBe(true);
    const a = assess(ex.answers);
    expect(a.recommended).toBe(ex.expected);
    expect(a.ranking[0]!.strategy).toBe(ex.expected);
    // A clear recommendation: a real margin over the runner-up, decent confidence.
    const feasible = a.ranking.filter((r) => r.feasible);
    if (feasible.length > 1) expect(feasible[0]!.score - feasible[1]!.score).toBeGreaterThanOrEqual(10);
    expect(a.confidence.value).toBeGreaterThanOrEqual(0.6);
    expect(a.summary).toContain(a.recommendedLabel);
    expect(a.estimates[ex.expected]).not.toBeNull();
  });

  it("fraud detection: Erlang-sized always-on endpoint, batch ruled out", () => {
    const a = assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers);
    expect(a.serving).toBe("always-on");
    // 400 req/s x 15 ms = 6 Erlangs: ceil(6 / 0.7) = 9 slots on 4-vCPU replicas = 3, + 1 (N+1, critical).
    expect(a.estimates.realtime!.replicasAtPeak).toBe(4);
    expect(a.estimates.realtime!.nPlusOne).toBe(true);
    const batch = a.ranking.find((r) => r.strategy === "batch")!;
    expect(batch.feasible).toBe(false);
    // One block naming both variants: no scheduled run (request-time inputs, ...), no per-item job (latency).
    expect(batch.blockedBy.map((b) => b.rule)).toEqual(["request-time-features"]);
    expect(batch.blockedBy[0]!.message).toMatch(/request-time inputs.*cannot be known.*triggered job/s);
  });

  it("daily sales forecasts: the batch run fits in the night", () => {
    const a = assess(EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers);
    const b = a.estimates.batch!;
    expect(b.runDurationSeconds!).toBeLessThan(86_400);
    expect(b.wastedPredictionsPerRun).toBe(0);
    expect(a.flips.length).toBeGreaterThan(0);
  });

  it("offline keyboard: only edge is feasible", () => {
    const a = assess(EXAMPLE_ANSWERS["offline-keyboard"]!.answers);
    expect(a.ranking.filter((r) => r.feasible).map((r) => r.strategy)).toEqual(["edge"]);
  });
});
