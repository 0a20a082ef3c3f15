/**
 * Pure helpers of the questionnaire form: the working answers (undefined = not answered yet,
 * null = "I don't know"), progress, display of values, and mapping errors to questions.
 * Everything is derived from the engine's questionnaire definition, which the server hands the
 * form as `steps`. The form runs in the browser: these import the engine's narrow modules only
 * (no zod, no scoring, not the questionnaire's text); the server validates what is saved and
 * submitted.
 */
import { PEAK_MESSAGE, peakAtLeastAvg, type AnswerField } from "~/engine/answer-constants";
import type { DraftAnswers } from "~/engine/answers";
import { formatNumber } from "~/engine/format-number";
import { formatAnswer } from "~/engine/quantity";
import type { Question, QuestionnaireStep } from "~/engine/questionnaire";

export type AnswerValue = string | number | boolean | null;
export type Steps = readonly QuestionnaireStep[];

/** Every field the questionnaire asks, in its order (every answer field: the engine's tests hold it to that). */
export function fieldsOf(steps: Steps): AnswerField[] {
  return steps.flatMap((step) => step.questions.map((q) => q.field));
}

/** The numeric questions' fields, whose answers are typed as text. */
export function numericFieldsOf(steps: Steps): AnswerField[] {
  return steps.flatMap((step) => step.questions.filter((q) => q.kind === "number" || q.kind === "integer").map((q) => q.field));
}

/** Index of the questionnaire step that asks `field`. */
export function stepIndexOf(steps: Steps, field: AnswerField): number {
  return Math.max(0, steps.findIndex((step) => step.questions.some((q) => q.field === field)));
}

export function withAnswer(draft: DraftAnswers, field: AnswerField, value: AnswerValue | undefined): DraftAnswers {
  const next: Record<string, AnswerValue | undefined> = { ...draft, [field]: value };
  if (value === undefined) delete next[field];
  return next as DraftAnswers;
}

export function isAnswered(draft: DraftAnswers, field: AnswerField): boolean {
  return draft[field] !== undefined;
}

export function countAnswered(draft: DraftAnswers, questions: readonly Question[]): number {
  return questions.filter((q) => isAnswered(draft, q.field)).length;
}

/**
 * Every field of `fields` (all of them: ANSWER_FIELDS on the server, `fieldsOf(steps)` in the
 * form), unanswered ones as null ("I don't know"): the shape `answersSchema` expects.
 */
export function completeAnswers(draft: DraftAnswers, fields: readonly AnswerField[]): Record<AnswerField, AnswerValue> {
  return Object.fromEntries(fields.map((f) => [f, draft[f] ?? null])) as Record<AnswerField, AnswerValue>;
}

/**
 * True when the engine scores both alike: the same answer to every question, where not answered
 * and "I don't know" are the same (both unknown). The form compares the answers on the page
 * with those the live recommendation was scored from.
 */
export function scoredAlike(a: DraftAnswers, b: DraftAnswers): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)] as AnswerField[]);
  return [...fields].every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/**
 * Server `fieldErrors` are keyed by dotted path (`answers.latencyBudgetMs`); the ones under
 * `answers.` belong to a question of `fields`, anything else is shown above the form.
 */
export function splitServerErrors(fieldErrors: Record<string, string[]> | null | undefined, fields: readonly AnswerField[]): {
  answers: Partial<Record<AnswerField, string>>;
  other: string[];
} {
  const answers: Partial<Record<AnswerField, string>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = key.slice("answers.".length) as AnswerField;
    if (!key.startsWith("answers.") || !fields.includes(field)) other.push(...messages);
    else if (messages[0] && !answers[field]) answers[field] = messages[0];
  }
  return { answers, other };
}

/** The first question (in questionnaire order) that has an error. */
export function firstFieldWithError(steps: Steps, errors: Partial<Record<AnswerField, string>>): AnswerField | null {
  for (const step of steps) for (const q of step.questions) if (errors[q.field]) return q.field;
  return null;
}

/** "Example: 200 ms", "Example: Hours": the question's example in the words of the form. */
export function exampleText(question: Question): string {
  return `Example: ${formatAnswer(question, question.example)}`;
}

/** The text a numeric input starts with for a saved value (in the canonical unit shown beside it). */
export function numberInputText(value: AnswerValue | undefined): string {
  return typeof value === "number" ? formatNumber(value, 6) : "";
}

/**
 * Errors of the answers given so far, by question: the rule across fields (a peak below the
 * average). Each answer on its own is valid by construction: options come from the
 * questionnaire, and typed numbers pass `parseQuestionQuantity`, which checks their range.
 */
export function draftErrors(draft: DraftAnswers): Partial<Record<AnswerField, string>> {
  return peakAtLeastAvg(draft) ? {} : { peakRequestsPerSecond: PEAK_MESSAGE };
}

/**
 * The draft as the server will accept it: answers that break a rule across fields (a peak
 * below the average) are left out until they are fixed, so the rest is still saved.
 */
export function savableDraft(draft: DraftAnswers): DraftAnswers {
  let next = draft;
  for (const field of Object.keys(draftErrors(draft)) as AnswerField[]) next = withAnswer(next, field, undefined);
  return next;
}
