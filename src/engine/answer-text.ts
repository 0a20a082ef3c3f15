/**
 * How an answer reads in the questionnaire's own words (pure; used by the form, decision pages,
 * compares, flips, warnings and confidence reasons): every quantity in its question's unit
 * family (`formatInUnit`), so one quantity reads the same everywhere on a page.
 */
import type { AnswerField } from "./answers";
import { FIELD_PHRASES } from "./fields";
import { formatInUnit, formatNumber } from "./format";
import { getQuestion, type Question } from "./questionnaire";

/** A number in the field's canonical unit, as people read it: `150 ms`, `$5,000`, `60%`, `250,000`. */
function formatQuantity(question: Question, value: number): string {
  return formatInUnit(question.unit?.symbol ?? "", value);
}

/** A numeric answer of `field` (in its canonical unit), written as the questionnaire writes it. */
export function formatFieldQuantity(field: AnswerField, value: number): string {
  const question = getQuestion(field);
  return question ? formatQuantity(question, value) : formatNumber(value, 6);
}

/** How an answer reads on the decision page: option labels, units, "I don't know". */
export function formatAnswer(question: Question, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "I don't know";
  if (typeof value === "number") return formatQuantity(question, value);
  return question.options?.find((o) => o.value === value)?.label ?? String(value);
}

/**
 * A field as the subject of a sentence: "The latency budget", "Whether a stale fallback is
 * acceptable" (never "The whether …"); lower-case inside a sentence when `capital` is false.
 */
export function fieldSubject(field: AnswerField, capital = true): string {
  const phrase = FIELD_PHRASES[field];
  const s = phrase.startsWith("whether ") ? phrase : `the ${phrase}`;
  return capital ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
