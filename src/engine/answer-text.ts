/** How an answer reads in the questionnaire's own words (pure; used by the form, decision pages and compares). */
import { formatNumber } from "./format";
import type { Question } from "./questionnaire";

/** A number in the field's canonical unit, as people read it: `150 ms`, `$5,000`, `60%`, `250,000`. */
function formatQuantity(question: Question, value: number): string {
  const symbol = question.unit?.symbol ?? "";
  if (symbol === "USD") return `$${formatNumber(value, 2)}`;
  if (symbol === "%") return `${formatNumber(value, 4)}%`;
  return symbol ? `${formatNumber(value, 6)} ${symbol}` : formatNumber(value, 6);
}

/** How an answer reads on the decision page: option labels, units, "I don't know". */
export function formatAnswer(question: Question, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "I don't know";
  if (typeof value === "number") return formatQuantity(question, value);
  return question.options?.find((o) => o.value === value)?.label ?? String(value);
}
