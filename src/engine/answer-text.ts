/**
 * How an answer reads in the questionnaire's own words (pure; used by the form, decision pages,
 * compares, flips, warnings and confidence reasons): every quantity in its question's unit
 * family (`formatInUnit`), so one quantity reads the same everywhere on a page.
 */
import type { AnswerField } from "./answer-constants";
import { FIELD_PHRASES } from "./fields";
import { formatNumber } from "./format";
import { formatQuantity } from "./quantity";
import { getQuestion } from "./questionnaire";

export { formatAnswer } from "./quantity";

/** A numeric answer of `field` (in its canonical unit), written as the questionnaire writes it. */
export function formatFieldQuantity(field: AnswerField, value: number): string {
  const question = getQuestion(field);
  return question ? formatQuantity(question, value) : formatNumber(value, 6);
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
