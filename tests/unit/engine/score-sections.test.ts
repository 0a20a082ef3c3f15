import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, DEFAULT_PRICES, type Answers } from "~/engine";
import { createState, encodeAnswers, evaluate, FIELD_ESTIMATES, FIELD_FEASIBILITY, FIELD_SECTIONS, fixSections, probeEvaluate, SEC_ALL, STAGE_READS } from "~/engine/score";
import { answersArb } from "./arbitraries";

// Probes re-evaluate only the sections that read the changed answer (FIELD_SECTIONS) on top of
// sums fixed once per answer. If a section read an answer not listed for it, a probe would
// silently use stale sums: compare every partial re-evaluation with a full one.
// One known value per answer (the rules read the encoded answers by position).
const KNOWN: Answers = {
  consumer: "report", latencyBudgetMs: 100, maxStalenessSeconds: 60, featureFreshness: "daily", inputsEnumerable: true, entityCount: 10,
  activeSharePercent: 50, avgRequestsPerSecond: 1, peakRequestsPerSecond: 2, idleHoursPerDay: 3, coldStartToleranceSeconds: 4, payloadMB: 1,
  processingTimeMs: 10, modelSizeGB: 1, needsGpu: false, inputSource: "files", offlineOrOnDevice: false, fallbackAcceptable: true,
  deliveryMode: "table", monthlyBudgetUsd: 100, criticality: "low",
};

describe("encoded answers", () => {
  it("put each answer at its position in ANSWER_FIELDS", () => {
    ANSWER_FIELDS.forEach((f, i) => {
      const x = encodeAnswers({ [f]: KNOWN[f] } as unknown as Answers); // omitted keys are unknown (NaN)
      expect(x.flatMap((v, k) => (v === v ? [k] : [])), f).toEqual([i]);
    });
  });
});

describe("partial re-evaluation (flip and unknown-answer probes)", () => {
  it("every answer maps to at least one section, or is read only by the stages that run on every evaluation", () => {
    // 2.0.0: the budget is read only by the cost comparison, which runs after the sections every time.
    for (let i = 0; i < ANSWER_FIELDS.length; i++) {
      const f = ANSWER_FIELDS[i]!;
      expect((FIELD_SECTIONS[i]! & SEC_ALL) !== 0 || STAGE_READS.includes(f), f).toBe(true);
    }
  });

  it("changing one answer and re-evaluating its sections and estimates equals a full evaluation", () => {
    fc.assert(
      fc.property(answersArb, answersArb, (a, other) => {
        const x = encodeAnswers(a);
        const donor = encodeAnswers(other);
        const st = createState(x.slice(), { ...DEFAULT_PRICES }, null);
        for (let i = 0; i < ANSWER_FIELDS.length; i++) {
          const sections = FIELD_SECTIONS[i]!;
          fixSections(st, sections);
          // the donor's value, unknown, and (numbers) a much larger and a much smaller one
          const values = [donor[i]!, NaN];
          if (x[i]! === x[i]! && typeof a[ANSWER_FIELDS[i]!] === "number") values.push(x[i]! * 37, x[i]! / 53);
          for (const v of values) {
            st.x[i] = v;
            // Only the estimates that read answer i are recomputed (the others keep fixSections' figures).
            // The feasibility stage's blocks are reused when they cannot depend on answer i.
            const partial = evaluate(st, sections, FIELD_ESTIMATES[i]!, FIELD_FEASIBILITY[i] === 1);
            const got = { r: partial, raw: [...st.raw], blocked: [...st.blocked], cost: [...st.costPts], monthly: [...st.est.cost] };
            // A probe may skip the cost stage when the winner is decided without it: same winner.
            const probed = probeEvaluate(st, sections, FIELD_ESTIMATES[i]!, FIELD_FEASIBILITY[i] === 1);
            st.x[i] = x[i]!;
            const fresh = createState(x.slice(), { ...DEFAULT_PRICES }, null);
            fresh.x[i] = v;
            const full = evaluate(fresh);
            expect(got).toEqual({ r: full, raw: [...fresh.raw], blocked: [...fresh.blocked], cost: [...fresh.costPts], monthly: [...fresh.est.cost] });
            expect(probed, `probe of ${ANSWER_FIELDS[i]!}`).toBe(full);
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  }, 60_000);
});
