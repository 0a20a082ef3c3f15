/**
 * Reading and writing one question's answers, given the question: what a person types into a
 * numeric field (`parseQuestionQuantity`) and how an answer reads (`formatAnswer`). Apart from
 * the questionnaire's definition (./questionnaire, which uses these with its own questions), so
 * the questionnaire form in the browser can get its questions from the server as props and
 * ship none of their text in its JavaScript.
 */
import { formatNumber } from "./format-number";
import { formatInUnit } from "./format-unit";
import type { Question } from "./questionnaire";

export type ParseQuantityResult = { ok: true; value: number; normalised: string } | { ok: false; message: string };

const NUMBER_RE = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Parse what a person types into the numeric question `q`: `250 ms`, `2 s`, `1.5 GB`, `3,000 rpm`, `$2k`.
 * Only unambiguous units of that question are accepted; the result is in its canonical unit,
 * within its range.
 */
export function parseQuestionQuantity(q: Question, text: string): ParseQuantityResult {
  if (q.kind !== "number" && q.kind !== "integer") return { ok: false, message: `"${q.field}" is not a numeric question.` };
  let t = text.trim();
  if (t === "") return { ok: false, message: "Enter a number." };
  let prefixDollar = false;
  if (q.unit?.symbol === "USD" && t.startsWith("$")) {
    prefixDollar = true;
    t = t.slice(1).trim();
  }
  const m = NUMBER_RE.exec(t);
  if (!m) return { ok: false, message: `"${text.trim()}" does not start with a number.` };
  const numText = m[0]!;
  const magnitude = Number(numText.replace(/,/g, ""));
  if (!Number.isFinite(magnitude)) return { ok: false, message: `"${numText}" is not a finite number.` };
  let unitText = t.slice(numText.length).trim();
  if (prefixDollar && unitText === "") unitText = "$";
  const unit = q.unit;
  let factor = 1;
  if (unitText !== "" && unit) {
    if (unitText === unit.symbol) factor = 1;
    else {
      const accepts = unit.accepts ?? [];
      let found = accepts.find((u) => u.symbol === unitText);
      if (!found) {
        // Single letters are never case-folded ("m" is not "M": minutes vs million).
        const ci = unitText.length < 2 ? [] : accepts.filter((u) => u.symbol.toLowerCase() === unitText.toLowerCase());
        // Case-insensitive match only when every candidate means the same thing.
        if (ci.length > 0 && ci.every((u) => u.factor === ci[0]!.factor)) found = ci[0];
      }
      if (!found) {
        // Each symbol once (the canonical unit is also among the accepted ones), canonical first.
        const known = [...new Set([unit.symbol, ...accepts.map((u) => u.symbol)])].filter((s) => s !== "");
        return { ok: false, message: `Unknown unit "${unitText}" for ${q.label.toLowerCase()}; use ${known.slice(0, 8).join(", ")}.` };
      }
      factor = found.factor;
    }
  } else if (unitText !== "") {
    return { ok: false, message: `Unknown unit "${unitText}".` };
  }
  let value = magnitude * factor;
  value = Number(value.toPrecision(12)); // remove binary noise from the unit factor
  if (q.kind === "integer" && !Number.isInteger(value)) return { ok: false, message: `${q.label} must be a whole number.` };
  if (q.min !== undefined && (q.minExclusive ? value <= q.min : value < q.min))
    return { ok: false, message: `${q.label} must be ${q.minExclusive ? "greater than" : "at least"} ${formatNumber(q.min)}${unit?.symbol ? " " + unit.symbol : ""}.` };
  if (q.max !== undefined && value > q.max)
    return { ok: false, message: `${q.label} must be at most ${formatNumber(q.max)}${unit?.symbol ? " " + unit.symbol : ""}.` };
  // Written as every page writes this quantity (flips, answers, warnings): one unit per quantity.
  return { ok: true, value, normalised: formatQuantity(q, value) };
}

/** A number in the question's canonical unit, as people read it: `150 ms`, `$5,000`, `60%`, `250,000`. */
export function formatQuantity(question: Question, value: number): string {
  return formatInUnit(question.unit?.symbol ?? "", value);
}

/** How an answer reads on the decision page: option labels, units, "I don't know". */
export function formatAnswer(question: Question, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "I don't know";
  if (typeof value === "number") return formatQuantity(question, value);
  return question.options?.find((o) => o.value === value)?.label ?? String(value);
}
