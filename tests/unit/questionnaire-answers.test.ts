import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, draftAnswersSchema, EXAMPLE_ANSWERS, formatAnswer, getQuestion, questionnaire, type DraftAnswers } from "~/engine";
import {
  completeAnswers,
  countAnswered,
  draftErrors,
  exampleText,
  fieldsOf,
  firstFieldWithError,
  numberInputText,
  numericFieldsOf,
  savableDraft,
  scoredAlike,
  splitServerErrors,
  stepIndexOf,
  withAnswer,
} from "~/features/questionnaire/answers";
import { questionTexts } from "~/features/questionnaire/components/question-intro";
import { optionValues } from "~/features/questionnaire/components/question-texts";
import { liveStatusText } from "~/features/questionnaire/save-status";
import { renderToStaticMarkup } from "react-dom/server";
import { scorableAnswers } from "~/features/questionnaire/score";

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
    expect(stepIndexOf(questionnaire, "consumer")).toBe(0);
    expect(stepIndexOf(questionnaire, "criticality")).toBe(questionnaire.length - 1);
    for (const [index, step] of questionnaire.entries()) {
      for (const question of step.questions) {
        expect(stepIndexOf(questionnaire, question.field)).toBe(index);
      }
    }
  });

  it("completes the answers for submission: every field, unanswered ones as unknown", () => {
    const complete = completeAnswers({ consumer: "report", payloadMB: 2 }, fieldsOf(questionnaire));
    expect(Object.keys(complete)).toHaveLength(21);
    expect(complete).toMatchObject({ consumer: "report", payloadMB: 2, latencyBudgetMs: null });
    const example = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
    expect(completeAnswers(example, fieldsOf(questionnaire))).toEqual(example);
  });

  it("takes the fields from the questionnaire the form is given: every answer field, numeric ones typed", () => {
    expect([...fieldsOf(questionnaire)].sort()).toEqual([...ANSWER_FIELDS].sort());
    expect(numericFieldsOf(questionnaire)).toEqual(
      fieldsOf(questionnaire).filter((f) => ["number", "integer"].includes(getQuestion(f)!.kind)),
    );
    expect(numericFieldsOf(questionnaire)).toContain("latencyBudgetMs");
    expect(numericFieldsOf(questionnaire)).not.toContain("consumer");
  });

  it("tells whether the answers on the page score like the saved ones (not answered = I don't know)", () => {
    expect(scoredAlike({ consumer: "report" }, { consumer: "report", payloadMB: null })).toBe(true);
    expect(scoredAlike({ consumer: "report", payloadMB: 2 }, { consumer: "report" })).toBe(false);
    expect(scoredAlike({ consumer: "report" }, { consumer: "human-later" })).toBe(false);
    expect(scoredAlike({}, {})).toBe(true);
    expect(scoredAlike({ payloadMB: null }, {})).toBe(true);
    expect(scoredAlike({}, { criticality: "high" })).toBe(false);
  });
});

describe("the live recommendation, scored on the server", () => {
  it("scores the saved draft only once the consumer is known, with unanswered questions as unknown", () => {
    expect(scorableAnswers({ latencyBudgetMs: 100 })).toBeNull();
    expect(scorableAnswers({ consumer: null })).toBeNull();
    const answers = scorableAnswers({ consumer: "report", payloadMB: 2 })!;
    expect(answers.consumer).toBe("report");
    expect(answers.payloadMB).toBe(2);
    expect(answers.latencyBudgetMs).toBeNull();
    expect(Object.keys(answers)).toHaveLength(21);
  });

  it("says what keeps the panel from showing the answers on the page", () => {
    const saved = { kind: "saved", at: new Date() } as const;
    const page = { refreshing: false, scoredAlike: true, unsavable: 0 };
    expect(liveStatusText(saved, page)).toBeNull();
    expect(liveStatusText({ kind: "dirty" }, page)).toBe("Updating…");
    expect(liveStatusText({ kind: "saving" }, page)).toBe("Updating…");
    expect(liveStatusText(saved, { ...page, refreshing: true })).toBe("Updating…");
    expect(liveStatusText({ kind: "error", message: "offline" }, { ...page, scoredAlike: false })).toMatch(/^Not updated: your latest answers are not saved/);
    expect(liveStatusText({ kind: "conflict" }, page)).toMatch(/^Not updated: a teammate/);
    expect(liveStatusText(saved, { ...page, scoredAlike: false })).toMatch(/^Not updated: the answers on this page are not saved/);
    expect(liveStatusText(saved, { ...page, unsavable: 2 })).toBe("Without the answers that need fixing.");
  });
});

describe("checks before saving and submitting", () => {
  it("reports a peak below the average on the peak, and leaves it out of the saved draft", () => {
    const draft: DraftAnswers = { consumer: "user-request", avgRequestsPerSecond: 50, peakRequestsPerSecond: 10 };
    expect(Object.keys(draftErrors(draft))).toEqual(["peakRequestsPerSecond"]);
    expect(savableDraft(draft)).toEqual({ consumer: "user-request", avgRequestsPerSecond: 50 });
    expect(savableDraft({ consumer: "report" })).toEqual({ consumer: "report" });
    expect(draftErrors({ avgRequestsPerSecond: 50, peakRequestsPerSecond: 50 })).toEqual({});
    expect(draftErrors({ avgRequestsPerSecond: 50, peakRequestsPerSecond: null })).toEqual({});
  });

  it("checks, without zod, what the server's draft schema checks across fields, with its message", () => {
    const drafts: DraftAnswers[] = [
      {},
      { avgRequestsPerSecond: 50, peakRequestsPerSecond: 10 },
      { avgRequestsPerSecond: 10, peakRequestsPerSecond: 50 },
      { avgRequestsPerSecond: 0, peakRequestsPerSecond: 0 },
      { avgRequestsPerSecond: null, peakRequestsPerSecond: 10 },
      EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers,
    ];
    for (const draft of drafts) {
      const parsed = draftAnswersSchema.safeParse(draft);
      const server = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      expect(draftErrors(draft), JSON.stringify(draft)).toEqual(server);
      expect(draftAnswersSchema.safeParse(savableDraft(draft)).success).toBe(true);
    }
  });

  it("routes server errors under answers. to their questions and keeps the rest for the form", () => {
    const split = splitServerErrors({
      "answers.latencyBudgetMs": ["Too small", "Second message"],
      "answers.unknownThing": ["Unknown field"],
      expectedRevision: ["Stale"],
    }, fieldsOf(questionnaire));
    expect(split.answers).toEqual({ latencyBudgetMs: "Too small" });
    expect(split.other).toEqual(["Unknown field", "Stale"]);
    expect(splitServerErrors(null, fieldsOf(questionnaire))).toEqual({ answers: {}, other: [] });
  });

  it("picks the first erroneous question in questionnaire order", () => {
    expect(firstFieldWithError(questionnaire, { criticality: "x", latencyBudgetMs: "y" })).toBe("latencyBudgetMs");
    expect(firstFieldWithError(questionnaire, {})).toBeNull();
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

describe("a question's words, rendered on the server for the form", () => {
  it("gives every choice question one text per radio, in order, with help where the radio points to help", () => {
    for (const question of questionnaire.flatMap((step) => step.questions)) {
      const texts = questionTexts(question);
      const intro = renderToStaticMarkup(texts.intro);
      expect(intro).toContain(`id="q-${question.field}-help"`);
      expect(intro).toContain(exampleText(question));
      if (question.kind === "number" || question.kind === "integer") {
        expect(intro).toContain(`<label id="q-${question.field}-label" for="q-${question.field}"`);
        expect(texts.options).toEqual([]);
        continue;
      }
      expect(intro.startsWith("<legend")).toBe(true);
      const values = optionValues(question);
      expect(texts.options).toHaveLength(values.length);
      values.forEach((value, index) => {
        const markup = renderToStaticMarkup(texts.options[index]);
        const id = `q-${question.field}-${index}`;
        expect(markup).toContain(`id="${id}-label"`);
        expect(markup.includes(`id="${id}-help"`)).toBe(value.help);
        if (value.value === null) expect(markup).toContain("I don&#x27;t know");
        else expect(markup).toContain(question.options!.find((o) => o.value === value.value)!.label.replace(/'/g, "&#x27;"));
      });
      expect(values.at(-1)!.value === null).toBe(!question.required);
    }
  });
});

