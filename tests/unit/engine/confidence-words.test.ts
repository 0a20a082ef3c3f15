import { describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, STRATEGIES } from "~/engine";
import { buildConfidence } from "~/engine/confidence";
import { fieldSubject } from "~/engine/answer-text";
import { answers } from "./helpers";

/** Issue 13 item 6: confidence in words a team understands. */
describe("confidence speaks plainly", () => {
  it("names the unknown answers and which one would raise the confidence most", () => {
    const a = assess(answers({ consumer: "service-request", latencyBudgetMs: 200 }));
    const r = a.confidence.reasons.find((x) => x.code === "unknown-answers")!;
    expect(r.message).toMatch(/answers are unknown: /);
    // The first key answer still unknown (the staleness), whether or not flips were computed.
    expect(r.message).toContain("Answering the allowed staleness first would raise the confidence most: the recommendation rests on it");
    expect(assess(answers({ consumer: "service-request", latencyBudgetMs: 200 }), { flips: false }).confidence).toEqual(a.confidence);
  });

  it("puts the largest loss first", () => {
    for (const ex of Object.values(EXAMPLE_ANSWERS)) {
      const deltas = assess(ex.answers, { flips: false }).confidence.reasons.map((r) => r.delta);
      expect(deltas).toEqual([...deltas].sort((x, y) => x - y));
    }
  });

  it("explains a budget threshold by the strategy cost it comes from, not a bare number or a rule id (the issue's example)", () => {
    // Issue 13: "monthly budget $20,000 vs $20,236 (cost-vs-budget)", where $20,236 was never explained.
    const costs = STRATEGIES.map((s) => (s === "hybrid" ? 20_236 : s === "realtime" ? 3_274 : NaN));
    const c = buildConfidence({
      ranking: [],
      near: [{ field: "monthlyBudgetUsd", value: 20_000, threshold: 20_236, rule: "cost-vs-budget" }],
      unknownFields: [],
      warnings: [],
      costs,
      costUnknown: false,
      costPenalty: 0.1,
    });
    const near = c.reasons.find((r) => r.code === "near-threshold")!;
    expect(near.message).not.toMatch(/\(cost-vs-budget\)| vs /);
    expect(near.message).toContain("the monthly budget ($20,000) is close to the estimated cost of Hybrid (precompute + real-time) ($20,236 a month)");
    expect(near.message).toMatch(/firming it up would raise the confidence/);
    // Four times a cost, and a third of one, are said as such.
    const four = buildConfidence({ ranking: [], near: [{ field: "monthlyBudgetUsd", value: 13_000, threshold: 4 * 3_274, rule: "cost-vs-budget" }], unknownFields: [], warnings: [], costs, costUnknown: false, costPenalty: 0.1 });
    expect(four.reasons[0]!.message).toMatch(/four times the estimated cost of Real-time endpoint \(\$3,274 a month\)/);
  });

  it("explains a threshold of every other rule in words, and an unknown rule generically", () => {
    const ask = (field: "latencyBudgetMs" | "payloadMB", value: number, threshold: number, rule: string) =>
      buildConfidence({ ranking: [], near: [{ field, value, threshold, rule }], unknownFields: [], warnings: [], costs: [], costUnknown: false, costPenalty: 0.1 }).reasons[0]!.message;
    expect(ask("latencyBudgetMs", 950, 1_000, "latency-budget")).toContain("the latency budget (950 ms) is close to 1 s, where the engine changes how well each strategy meets the latency budget");
    expect(ask("payloadMB", 5.8, 6, "payload")).toContain("the payload size (5.8 MB) is close to 6 MB, a payload limit of some serving platforms");
    expect(ask("payloadMB", 5.8, 6, "some-new-rule")).toContain("is close to 6 MB, where one of the engine's rules changes its verdict");
  });

  it("says an unknown cost in words, naming the answers that would price it", () => {
    const c = buildConfidence({ ranking: [], near: [], unknownFields: ["peakRequestsPerSecond", "criticality"], warnings: [], costs: [], costUnknown: true, costPenalty: 0.1 });
    const r = c.reasons.find((x) => x.code === "unknown-cost")!;
    expect(r.message).toContain("The monthly cost of the recommendation cannot be estimated");
    expect(r.message).toContain("Answering the peak request rate would let the engine price it.");
  });

  it("speaks of a close race in words", () => {
    for (const ex of Object.values(EXAMPLE_ANSWERS)) {
      const r = assess(ex.answers, { flips: false }).confidence.reasons.find((x) => x.code === "narrow-gap");
      if (r) expect(r.message).toMatch(/^It is a close call: .+ is only \d+ points? ahead of .+, so a small change to the answers could swap them\./);
    }
  });

  it("never writes 'The whether …'", () => {
    expect(fieldSubject("fallbackAcceptable")).toBe("Whether a stale fallback is acceptable");
    expect(fieldSubject("latencyBudgetMs")).toBe("The latency budget");
    expect(fieldSubject("latencyBudgetMs", false)).toBe("the latency budget");
    const a = assess(answers({ consumer: "user-request", latencyBudgetMs: 100, featureFreshness: "request", inputsEnumerable: false }));
    for (const text of [...a.warnings.map((w) => w.message), ...a.confidence.reasons.map((r) => r.message)]) expect(text).not.toMatch(/\bthe whether\b/i);
  });
});
