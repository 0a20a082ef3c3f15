import { describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS, formatAnswer, getQuestion, questionnaire, type DraftAnswers } from "~/engine";
import {
  checkForSubmit,
  completeAnswers,
  countAnswered,
  draftErrors,
  exampleText,
  firstFieldWithError,
  numberInputText,
  previewAnswers,
  savableDraft,
  splitServerErrors,
  stepIndexOf,
  withAnswer,
} from "~/features/questionnaire/answers";

const q = (field: Parameters<typeof getQuestion>[0]) => getQuestion(field)!;

describe("working answers", () => {
  it("sets, clears and counts answers; null is an answer (I don't know), undefined is not", () => {
    let draft: DraftAnswers = {};
    draft = withAnswer(draft, "latencyBudgetMs", 150);
    draft = withAnswer(draft, "maxStalenessSeconds", null);
    expect(countAnswered(draft, questionnaire[1]!.questions)).toBe(2);
    draft = withAnswer(draft, "latencyBudgetMs", undefined);
    expect(draft).toEqual({ maxStalenessSeconds: null });
    expect("latencyBudgetMs" in draft).toBe(false);
  });

  it("finds the step of every question", () => {
    expect(stepIndexOf("consumer")).toBe(0);
    expect(stepIndexOf("criticality")).toBe(questionnaire.length - 1);
    for (const [index, step] of questionnaire.entries()) for (const question of step.questions) expect(stepIndexOf(question.field)).toBe(index);
  });

  it("previews only once the consumer is known, with unanswered questions as unknown", () => {
    expect(previewAnswers({ latencyBudgetMs: 100 })).toBeNull();
    const answers = previewAnswers({ consumer: "report" })!;
    expect(answers.consumer).toBe("report");
    expect(answers.latencyBudgetMs).toBeNull();
    expect(Object.keys(completeAnswers({}))).toHaveLength(21);
  });
});

describe("checks before saving and submitting", () => {
  it("accepts unknowns on submit but requires the consumer", () => {
    expect(checkForSubmit({ consumer: "human-later" }).ok).toBe(true);
    const missing = checkForSubmit({ latencyBudgetMs: 100 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.fieldErrors.consumer).toMatch(/who consumes/);
  });

  it("submits the engine's example unchanged", () => {
    const example = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
    expect(checkForSubmit(example)).toEqual({ ok: true, answers: example });
  });

  it("reports a peak below the average on the peak, and leaves it out of the saved draft", () => {
    const draft: DraftAnswers = { consumer: "user-request", avgRequestsPerSecond: 50, peakRequestsPerSecond: 10 };
    expect(Object.keys(draftErrors(draft))).toEqual(["peakRequestsPerSecond"]);
    expect(savableDraft(draft)).toEqual({ consumer: "user-request", avgRequestsPerSecond: 50 });
    expect(savableDraft({ consumer: "report" })).toEqual({ consumer: "report" });
  });

  it("routes server errors under answers. to their questions and keeps the rest for the form", () => {
    const split = splitServerErrors({
      "answers.latencyBudgetMs": ["Too small", "Second message"],
      "answers.unknownThing": ["Unknown field"],
      expectedRevision: ["Stale"],
    });
    expect(split.answers).toEqual({ latencyBudgetMs: "Too small" });
    expect(split.other).toEqual(["Unknown field", "Stale"]);
    expect(splitServerErrors(null)).toEqual({ answers: {}, other: [] });
  });

  it("picks the first erroneous question in questionnaire order", () => {
    expect(firstFieldWithError({ criticality: "x", latencyBudgetMs: "y" })).toBe("latencyBudgetMs");
    expect(firstFieldWithError({})).toBeNull();
  });
});

describe("answers in words", () => {
  it("formats numbers with their unit, options by label and null as I don't know", () => {
    expect(formatAnswer(q("latencyBudgetMs"), 150)).toBe("150 ms");
    expect(formatAnswer(q("monthlyBudgetUsd"), 5000)).toBe("$5,000");
    expect(formatAnswer(q("activeSharePercent"), 12.5)).toBe("12.5%");
    expect(formatAnswer(q("entityCount"), 250000)).toBe("250,000");
    expect(formatAnswer(q("needsGpu"), false)).toBe("No");
    expect(formatAnswer(q("consumer"), "report")).toBe("A report");
    expect(formatAnswer(q("payloadMB"), null)).toBe("I don't know");
  });

  it("uses each unit's precision: cents for dollars, four places for percentages, six otherwise", () => {
    expect(formatAnswer(q("monthlyBudgetUsd"), 1_234.567)).toBe("$1,234.57");
    expect(formatAnswer(q("activeSharePercent"), 12.34567)).toBe("12.3457%");
    expect(formatAnswer(q("payloadMB"), 0.1234567)).toBe("0.123457 MB");
    expect(formatAnswer(q("entityCount"), 1_234.5)).toBe("1,234.5");
    // A number without a unit at all prints bare.
    expect(formatAnswer({ ...q("entityCount"), unit: undefined }, 42)).toBe("42");
  });

  it("says I don't know for a missing answer, and shows a value it has no label for as it is", () => {
    expect(formatAnswer(q("payloadMB"), undefined)).toBe("I don't know");
    expect(formatAnswer(q("consumer"), "carrier-pigeon")).toBe("carrier-pigeon");
    expect(formatAnswer({ ...q("consumer"), options: undefined }, "report")).toBe("report");
  });

  it("shows the example of a question and the text a saved number starts from", () => {
    expect(exampleText(q("latencyBudgetMs"))).toBe("Example: 200 ms");
    expect(exampleText(q("featureFreshness"))).toBe("Example: Hours");
    expect(numberInputText(250000)).toBe("250,000");
    expect(numberInputText(null)).toBe("");
  });
});
