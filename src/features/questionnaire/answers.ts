/**
 * Pure helpers of the questionnaire form: the working answers (undefined = not answered yet,
 * null = "I don't know"), progress, display of values, and mapping errors to questions.
 * Everything is derived from the engine's `questionnaire` definition.
 */
import {
  ANSWER_FIELDS,
  draftAnswersSchema,
  formatAnswer,
  formatNumber,
  parseAnswers,
  questionnaire,
  type AnswerField,
  type Answers,
  type DraftAnswers,
  type Question,
} from "~/engine";

export type AnswerValue = string | number | boolean | null;

const STEP_OF_FIELD = new Map<AnswerField, number>(
  questionnaire.flatMap((step, index) => step.questions.map((q) => [q.field, index] as const)),
);

/** Index of the questionnaire step that asks `field`. */
export function stepIndexOf(field: AnswerField): number {
  return STEP_OF_FIELD.get(field) ?? 0;
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

/** Every field, unanswered ones as null ("I don't know"): the shape `answersSchema` expects. */
export function completeAnswers(draft: DraftAnswers): Record<AnswerField, AnswerValue> {
  return Object.fromEntries(ANSWER_FIELDS.map((f) => [f, draft[f] ?? null])) as Record<AnswerField, AnswerValue>;
}

/** Answers the engine can score for the live preview, or null until `consumer` is answered. */
export function previewAnswers(draft: DraftAnswers): Answers | null {
  if (!draft.consumer) return null;
  return completeAnswers(draft) as Answers;
}

export type SubmitCheck = { ok: true; answers: Answers } | { ok: false; fieldErrors: Partial<Record<AnswerField, string>>; formErrors: string[] };

/** The client-side twin of the server's check: the engine's `answersSchema`, unknowns allowed. */
export function checkForSubmit(draft: DraftAnswers): SubmitCheck {
  const parsed = parseAnswers(completeAnswers(draft));
  if (parsed.ok) return parsed;
  return { ok: false, fieldErrors: firstMessages(parsed.fieldErrors, ""), formErrors: parsed.formErrors };
}

/**
 * Server `fieldErrors` are keyed by dotted path (`answers.latencyBudgetMs`); the ones under
 * `answers.` belong to a question, anything else is shown above the form.
 */
export function splitServerErrors(fieldErrors: Record<string, string[]> | null | undefined): {
  answers: Partial<Record<AnswerField, string>>;
  other: string[];
} {
  const answers = firstMessages(fieldErrors ?? {}, "answers.");
  const other = Object.entries(fieldErrors ?? {})
    .filter(([key]) => !(key.startsWith("answers.") && isAnswerField(key.slice("answers.".length))))
    .flatMap(([, messages]) => messages);
  return { answers, other };
}

function isAnswerField(key: string): key is AnswerField {
  return (ANSWER_FIELDS as string[]).includes(key);
}

function firstMessages(fieldErrors: Record<string, string[]>, prefix: string): Partial<Record<AnswerField, string>> {
  const out: Partial<Record<AnswerField, string>> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (!key.startsWith(prefix)) continue;
    const field = key.slice(prefix.length);
    if (isAnswerField(field) && messages[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}

/** The first question (in questionnaire order) that has an error. */
export function firstFieldWithError(errors: Partial<Record<AnswerField, string>>): AnswerField | null {
  for (const step of questionnaire) for (const q of step.questions) if (errors[q.field]) return q.field;
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

/** Errors of the answers given so far (ranges and rules across fields), by question. */
export function draftErrors(draft: DraftAnswers): Partial<Record<AnswerField, string>> {
  const parsed = draftAnswersSchema.safeParse(draft);
  if (parsed.success) return {};
  const out: Partial<Record<AnswerField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && isAnswerField(field)) out[field] ??= issue.message;
  }
  return out;
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
