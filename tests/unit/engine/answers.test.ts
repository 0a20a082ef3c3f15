import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, answersSchema, assess, draftAnswersSchema, EXAMPLE_ANSWERS, parseAnswers } from "~/engine";
import { answers } from "./helpers";

describe("answers schema", () => {
  it("lists the contract's 21 fields in order", () => {
    expect(ANSWER_FIELDS).toHaveLength(21);
    expect(ANSWER_FIELDS[0]).toBe("consumer");
    expect(ANSWER_FIELDS.at(-1)).toBe("criticality");
  });

  it("keys both schemas by the explicit field list, in its order", () => {
    expect(Object.keys(answersSchema.shape)).toEqual([...ANSWER_FIELDS]);
    expect(Object.keys(draftAnswersSchema.shape)).toEqual([...ANSWER_FIELDS]);
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

  it("an omitted field means unknown, exactly like null; the parsed answers have every key in order", () => {
    const { latencyBudgetMs: _omit, ...rest } = answers({ consumer: "report", payloadMB: 2 });
    const r = parseAnswers(rest);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers).toEqual(answers({ consumer: "report", payloadMB: 2 }));
    expect(Object.keys(r.answers)).toEqual(ANSWER_FIELDS);
    const minimal = parseAnswers({ consumer: "report" });
    expect(minimal.ok && minimal.answers).toEqual(answers({ consumer: "report" }));
    // key order of the input does not matter: output is in contract order (deterministic JSON)
    const reversed = Object.fromEntries(Object.entries({ consumer: "human-later", needsGpu: true, latencyBudgetMs: 5 }).reverse());
    const rr = parseAnswers(reversed);
    expect(rr.ok && JSON.stringify(rr.answers)).toBe(JSON.stringify(answers({ consumer: "human-later", latencyBudgetMs: 5, needsGpu: true })));
    expect(rr.ok && assess(rr.answers)).toEqual(assess(answers({ consumer: "human-later", latencyBudgetMs: 5, needsGpu: true })));
  });

  it("only the consumer is required; omissions never hide other errors", () => {
    const r = parseAnswers({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors).toEqual({ consumer: ["Required: who consumes the predictions"] });
    const bad = parseAnswers({ consumer: "report", latencyBudgetMs: "250", entityCount: 1.5, activeSharePercent: 101, extra: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["activeSharePercent", "entityCount", "extra", "latencyBudgetMs"]);
    const peak = parseAnswers({ consumer: "report", avgRequestsPerSecond: 10, peakRequestsPerSecond: 5 });
    expect(!peak.ok && peak.fieldErrors.peakRequestsPerSecond![0]).toMatch(/at least the average/);
  });

  it("answers with only the consumer give a low-confidence assessment that names the influential unknowns", () => {
    const r = parseAnswers({ consumer: "report" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = assess(r.answers);
    expect(a.unknownFields).toHaveLength(ANSWER_FIELDS.length - 1);
    expect(a.confidence.level).toBe("low");
    expect(a.warnings.some((w) => w.kind === "unknown")).toBe(true);
  });

  it("non-objects give a form error", () => {
    const r = parseAnswers([1, 2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.formErrors.length).toBeGreaterThan(0);
  });

  it("drafts accept partial answers with the same range checks", () => {
    expect(draftAnswersSchema.safeParse({}).success).toBe(true);
    // drafts keep omissions as omissions (no defaults filled in)
    expect(draftAnswersSchema.parse({ latencyBudgetMs: 100 })).toEqual({ latencyBudgetMs: 100 });
    expect(draftAnswersSchema.safeParse({ consumer: null, latencyBudgetMs: 100 }).success).toBe(true);
    expect(draftAnswersSchema.safeParse({ latencyBudgetMs: -1 }).success).toBe(false);
    expect(draftAnswersSchema.safeParse({ avgRequestsPerSecond: 10, peakRequestsPerSecond: 1 }).success).toBe(false);
    expect(draftAnswersSchema.safeParse({ bogus: 1 }).success).toBe(false);
    for (const ex of Object.values(EXAMPLE_ANSWERS)) expect(answersSchema.safeParse(ex.answers).success).toBe(true);
  });
});
