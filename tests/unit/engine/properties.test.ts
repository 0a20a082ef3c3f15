import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersSchema, assess, assessmentSchema, parseAnswers, recommend, type Answers } from "~/engine";
import { answersArb } from "./arbitraries";

const RUNS = { numRuns: 150, seed: 20240601 };

// Generous time-outs: these run hundreds of whole assessments on a shared, loaded machine.
describe("properties over generated answers", { timeout: 120_000 }, () => {
  it("generated answers are valid input", () => {
    fc.assert(fc.property(answersArb, (a) => parseAnswers(a).ok), RUNS);
  });

  it("is deterministic: same answers -> byte-identical JSON, validated by assessmentSchema", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const one = JSON.stringify(assess(a));
        const two = JSON.stringify(assess(answersSchema.parse(JSON.parse(JSON.stringify(a)))));
        expect(two).toBe(one);
        expect(assessmentSchema.safeParse(JSON.parse(one)).success).toBe(true);
      }),
      { ...RUNS, numRuns: 80 },
    );
  });

  it("scores equal the sum of their contributions and lie in 0..100", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        for (const r of assess(a, { flips: false }).ranking) {
          const sum = r.contributions.reduce((s, c) => s + c.points, 0);
          expect(sum).toBe(r.score);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });

  it("tightening the latency budget never makes batch more preferred", () => {
    // Batch's own points and feasibility only (2.0.0): the cost comparison is relative to the
    // cheapest feasible strategy, which a tighter budget may rule out; batch's cost itself does not
    // depend on the budget (checked too).
    const own = (r: { contributions: { factor: string; points: number }[] }) =>
      r.contributions.filter((c) => c.factor !== "cost-vs-cheapest" && c.factor !== "clamp").reduce((s, c) => s + c.points, 0);
    fc.assert(
      fc.property(answersArb, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a, shrink) => {
        const loose: Answers = { ...a, latencyBudgetMs: a.latencyBudgetMs ?? 3_600_000 };
        const tight: Answers = { ...loose, latencyBudgetMs: Math.max(0.001, loose.latencyBudgetMs! * shrink) };
        const al = assess(loose, { flips: false });
        const at = assess(tight, { flips: false });
        const bl = al.ranking.find((r) => r.strategy === "batch")!;
        const bt = at.ranking.find((r) => r.strategy === "batch")!;
        if (!bl.feasible) expect(bt.feasible).toBe(false);
        // (an infeasible strategy gets no cost points, so its points compare only while feasible)
        if (bt.feasible) expect(own(bt)).toBeLessThanOrEqual(own(bl));
        if (bl.feasible && bt.feasible && al.estimates.batch!.variant === at.estimates.batch!.variant)
          expect(at.estimates.batch!.monthlyCostUsd).toBe(al.estimates.batch!.monthlyCostUsd);
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  it("every infeasible strategy names a blocking rule, and the recommendation is feasible", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const res = assess(a, { flips: false });
        for (const r of res.ranking) {
          if (!r.feasible) {
            expect(r.blockedBy.length).toBeGreaterThan(0);
            for (const b of r.blockedBy) expect(res.constraints.some((c) => c.id === b.rule && c.level === "hard")).toBe(true);
          } else expect(r.blockedBy).toEqual([]);
        }
        if (res.recommended === null) {
          expect(res.ranking.every((r) => !r.feasible)).toBe(true);
          expect(res.noFeasibleStrategy!.strategies.map((s) => s.strategy).sort()).toEqual(res.ranking.map((r) => r.strategy).sort());
        } else {
          expect(res.ranking.find((r) => r.strategy === res.recommended)!.feasible).toBe(true);
          expect(res.noFeasibleStrategy).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it("flips are real: re-scoring at the flip value changes the recommendation to the stated strategy", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const res = assess(a);
        for (const f of res.flips) {
          expect(f.from).toBe(res.recommended);
          expect(f.direction === "increase" ? f.value > f.current : f.value < f.current).toBe(true);
          const changed: Answers = { ...a, [f.field]: f.value };
          expect(parseAnswers(changed).ok).toBe(true);
          expect(recommend(changed)).toBe(f.to);
          expect(f.to).not.toBe(res.recommended);
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it("flips: false is the same assessment without the what-if parts", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const full = assess(a);
        const fast = assess(a, { flips: false });
        expect(fast.flips).toEqual([]);
        expect(fast.flipsComputed).toBe(false);
        expect(fast.ranking).toEqual(full.ranking);
        expect(fast.recommended).toBe(full.recommended);
        expect(fast.confidence).toEqual(full.confidence);
        expect(fast.estimates).toEqual(full.estimates);
        // The smallest changes are a what-if analysis too: searched only with flips.
        if (full.noFeasibleStrategy) expect(fast.noFeasibleStrategy!.changesComputed).toBe(false);
        expect(recommend(a)).toBe(full.recommended);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});
