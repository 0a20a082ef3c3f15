import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, answersSchema, draftAnswersSchema, EXAMPLE_ANSWERS, parseAnswers } from "~/engine";
import { answers } from "./helpers";

describe("answers schema", () => {
  it("lists the contract's 21 fields in order", () => {
    expect(ANSWER_FIELDS).toHaveLength(21);
    expect(ANSWER_FIELDS[0]).toBe("consumer");
    expect(ANSWER_FIELDS.at(-1)).toBe("criticality");
  });

  it("accepts all-unknown answers except the consumer", () => {
    expect(parseAnswers(answers()).ok).toBe(true);
    const r = parseAnswers({ ...answers(), consumer: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.consumer).toBeDefined();
  });

  it("rejects out-of-range, wrong-typed and unknown fields with a message per path", () => {
    const r = parseAnswers({ ...answers(), latencyBudgetMs: 0, activeSharePercent: 101, entityCount: 1.5, needsGpu: "yes", extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["activeSharePercent", "entityCount", "extra", "latencyBudgetMs", "needsGpu"]);
    expect(r.fieldErrors.extra![0]).toMatch(/Unknown field/);
  });

  it("never coerces: numeric strings are errors", () => {
    expect(parseAnswers({ ...answers(), latencyBudgetMs: "250" }).ok).toBe(false);
    expect(parseAnswers({ ...answers(), inputsEnumerable: 1 }).ok).toBe(false);
    expect(parseAnswers({ ...answers(), payloadMB: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it("peak below average is an error on peakRequestsPerSecond", () => {
    const r = parseAnswers({ ...answers(), avgRequestsPerSecond: 10, peakRequestsPerSecond: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.peakRequestsPerSecond![0]).toMatch(/at least the average/);
  });

  it("a missing field is reported as required (null means unknown)", () => {
    const { latencyBudgetMs: _omit, ...rest } = answers();
    const r = parseAnswers(rest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.latencyBudgetMs![0]).toMatch(/Required/);
  });

  it("non-objects give a form error", () => {
    const r = parseAnswers([1, 2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.formErrors.length).toBeGreaterThan(0);
  });

  it("drafts accept partial answers with the same range checks", () => {
    expect(draftAnswersSchema.safeParse({}).success).toBe(true);
    expect(draftAnswersSchema.safeParse({ consumer: null, latencyBudgetMs: 100 }).success).toBe(true);
    expect(draftAnswersSchema.safeParse({ latencyBudgetMs: -1 }).success).toBe(false);
    expect(draftAnswersSchema.safeParse({ avgRequestsPerSecond: 10, peakRequestsPerSecond: 1 }).success).toBe(false);
    expect(draftAnswersSchema.safeParse({ bogus: 1 }).success).toBe(false);
    for (const ex of Object.values(EXAMPLE_ANSWERS)) expect(answersSchema.safeParse(ex.answers).success).toBe(true);
  });
});
