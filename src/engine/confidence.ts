/**
 * Confidence in the recommendation, and why it is not higher — said in words a team understands:
 * what is uncertain (unknown answers, a close race, answers near a rule's threshold, answers that
 * contradict each other) and which answer would raise the confidence most. Each reason carries the
 * amount it takes off; the value is 1 plus the reasons' deltas, clamped to [0.05, 1].
 */
import type { AnswerField } from "./answers";
import { fieldSubject } from "./answer-text";
import type { AssessmentWarning, Confidence, RankingEntry } from "./assessment-schema";
import { FIELD_PHRASES } from "./fields";
import { formatNumber, formatUsd, roundTo } from "./format";
import type { NearThreshold } from "./score/state";
import { STRATEGIES, STRATEGY_LABELS } from "./strategies";
import { formatFieldValue } from "./whatif";

/**
 * Largest confidence penalty for unknown answers (1.1.0: was 0.36, which left a questionnaire
 * with every answer but the consumer unknown at "medium" confidence; now it is "low").
 */
const MAX_UNKNOWN_PENALTY = 0.6;

/** Fields whose absence weighs most on confidence. */
export const KEY_FIELDS: ReadonlySet<AnswerField> = new Set([
  "latencyBudgetMs",
  "maxStalenessSeconds",
  "featureFreshness",
  "inputsEnumerable",
  "peakRequestsPerSecond",
  "processingTimeMs",
  "offlineOrOnDevice",
]);

export interface ConfidenceInput {
  ranking: readonly RankingEntry[];
  near: readonly NearThreshold[];
  unknownFields: readonly AnswerField[];
  warnings: readonly AssessmentWarning[];
  /** Estimated monthly cost per strategy (STRATEGIES order; NaN when unknown). */
  costs: ArrayLike<number>;
  /** The recommendation's monthly cost cannot be estimated (2.0.0), and what that costs in confidence. */
  costUnknown: boolean;
  costPenalty: number;
}

/** Append a confidence reason (delta rounded to cents; none when it rounds to 0); returns the delta applied. */
function pushReason(reasons: Confidence["reasons"], code: string, delta: number, message: string): number {
  const d = roundTo(delta, 2);
  if (d === 0) return 0;
  reasons.push({ code, delta: d, message });
  return d;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}

function unknownWeight(field: AnswerField): number {
  return KEY_FIELDS.has(field) ? 0.06 : 0.02;
}

/**
 * The unknown answer to give first: the heaviest (a key answer the recommendation rests on), the
 * earliest in the questionnaire on a tie. (Not the what-if analysis: confidence must not depend on
 * whether flips were computed.)
 */
function mostUseful(unknownFields: readonly AnswerField[]): { field: AnswerField; why: string } {
  let best = unknownFields[0]!;
  for (const f of unknownFields) if (unknownWeight(f) > unknownWeight(best)) best = f;
  return {
    field: best,
    why: KEY_FIELDS.has(best) ? "the recommendation rests on it, and the warnings below say which answers would change it" : "it is the most telling of them",
  };
}

/** Why a threshold matters, in the team's words (the engine's rule ids are not shown). */
function thresholdMeaning(note: NearThreshold, costs: ArrayLike<number>): string {
  const t = note.threshold;
  const at = formatFieldValue(note.field, t);
  switch (note.rule) {
    case "latency-budget":
      return `${at}, where the engine changes how well each strategy meets the latency budget`;
    case "staleness":
      return `${at}, where the engine changes how well precomputed predictions fit`;
    case "payload":
      return `${at}, a payload limit of some serving platforms`;
    case "processing-time":
      return `${at}, a request time-out of some serving platforms`;
    case "processing-exceeds-budget":
      return note.field === "processingTimeMs"
        ? `the latency budget (${at}): a live endpoint must finish within it`
        : `the processing time (${at}): a live endpoint cannot answer faster than the model runs`;
    case "idle-hours":
      return `${at} a day, from which always-on replicas count as mostly idle`;
    case "active-share":
      return `${at}, where a full batch run starts to count as wasteful`;
    case "batch-cadence":
      return `${at}, the shortest interval at which a scheduled batch run still makes sense`;
    case "batch-run-length":
      return `${at}, about how long a batch run takes with these answers: staleness must leave room for the run`;
    case "edge-model-size":
      return `${at}, about the largest model that ships comfortably to devices`;
    case "cost-vs-budget": {
      // The threshold is a strategy's estimated cost, a third of it, or four times it.
      for (let s = 0; s < STRATEGIES.length; s++) {
        const c = costs[s]!;
        if (!(c > 0) || !Number.isFinite(c)) continue;
        const label = STRATEGY_LABELS[STRATEGIES[s]!];
        const cost = `${formatUsd(c)} a month`;
        if (Math.abs(t - c) <= 1e-9 * c) return `the estimated cost of ${label} (${cost}): above it, ${label} fits the budget`;
        if (Math.abs(t - c / 3) <= 1e-9 * c) return `a third of the estimated cost of ${label} (${cost}): below it, ${label} counts as far over budget`;
        if (Math.abs(t - 4 * c) <= 1e-9 * c) return `four times the estimated cost of ${label} (${cost}): above it, ${label} counts as comfortably affordable`;
      }
      return `${at}, where a strategy's estimated cost meets the budget`;
    }
    default:
      return `${at}, where one of the engine's rules changes its verdict`;
  }
}

/** Which unknown answers the cost estimate needs, in words. */
function costAnswersHint(unknownFields: readonly AnswerField[]): string {
  const needed = COST_FIELDS.filter((f) => unknownFields.includes(f));
  return needed.length > 0
    ? `Answering ${listOf(needed.map((f) => fieldSubject(f, false)))} would let the engine price it.`
    : "The answers given do not let the engine price it.";
}

/** Answers the cost estimates read (traffic, timing and size). */
const COST_FIELDS: readonly AnswerField[] = ["peakRequestsPerSecond", "avgRequestsPerSecond", "processingTimeMs", "entityCount", "modelSizeGB", "payloadMB"];

export function buildConfidence(input: ConfidenceInput): Confidence {
  const { ranking, near, unknownFields, warnings, costs } = input;
  const reasons: Confidence["reasons"] = [];
  let value = 1;

  if (input.costUnknown)
    value += pushReason(
      reasons,
      "unknown-cost",
      -input.costPenalty,
      `The monthly cost of the recommendation cannot be estimated, so it could not be weighed against the alternatives or the budget. ${costAnswersHint(unknownFields)}`,
    );

  if (unknownFields.length > 0) {
    let w = 0;
    for (const f of unknownFields) w += unknownWeight(f);
    const names = listOf(unknownFields.map((f) => FIELD_PHRASES[f]));
    const useful = mostUseful(unknownFields);
    const what =
      unknownFields.length === 1
        ? `One answer is unknown: ${names}. Answering it would raise the confidence`
        : `${formatNumber(unknownFields.length)} answers are unknown: ${names}. Answering ${fieldSubject(useful.field, false)} first would raise the confidence most`;
    value += pushReason(reasons, "unknown-answers", -Math.min(MAX_UNKNOWN_PENALTY, w), `${what}: ${useful.why}.`);
  }

  let f0: RankingEntry | undefined;
  let f1: RankingEntry | undefined;
  for (const r of ranking) {
    if (!r.feasible) continue;
    if (!f0) f0 = r;
    else {
      f1 = r;
      break;
    }
  }
  if (f0 && f1) {
    const gap = f0.score - f1.score;
    const msg = `It is a close call: ${f0.label} is only ${formatNumber(gap)} point${gap === 1 ? "" : "s"} ahead of ${f1.label}, so a small change to the answers could swap them. Compare the two in the trade-offs before deciding.`;
    if (gap < 3) value += pushReason(reasons, "narrow-gap", -0.25, msg);
    else if (gap < 6) value += pushReason(reasons, "narrow-gap", -0.15, msg);
    else if (gap < 10) value += pushReason(reasons, "narrow-gap", -0.05, msg);
  }

  // The first near-threshold note of each field.
  const seen: AnswerField[] = [];
  const parts: string[] = [];
  for (const nt of near) {
    if (seen.includes(nt.field)) continue;
    seen.push(nt.field);
    parts.push(`${fieldSubject(nt.field, false)} (${formatFieldValue(nt.field, nt.value)}) is close to ${thresholdMeaning(nt, costs)}`);
  }
  if (parts.length > 0) {
    const check = listOf(seen.map((f) => fieldSubject(f, false)));
    value += pushReason(
      reasons,
      "near-threshold",
      -Math.min(0.15, 0.05 * parts.length),
      `Some answers sit near a point where the recommendation could change: ${parts.join("; ")}. If ${check} ${seen.length === 1 ? "is" : "are"} only an estimate, firming ${seen.length === 1 ? "it" : "them"} up would raise the confidence.`,
    );
  }

  const contradictions = warnings.filter((w) => w.kind === "contradiction");
  if (contradictions.length > 0) {
    const pairs = contradictions.map((w) => listOf(w.fields.map((f) => fieldSubject(f, false))));
    value += pushReason(
      reasons,
      "contradictions",
      -Math.min(0.3, 0.1 * contradictions.length),
      `${contradictions.length === 1 ? "Two answers cannot both be true" : `${formatNumber(contradictions.length)} sets of answers cannot all be true`} (${pairs.join("; ")}). Correcting ${contradictions.length === 1 ? "one of them" : "them"} would raise the confidence most — see the warnings.`,
    );
  }

  // Largest loss first: the first reason is what to work on.
  reasons.sort((a, b) => a.delta - b.delta);
  value = roundTo(Math.min(1, Math.max(0.05, value)), 2);
  return { value, level: value >= 0.75 ? "high" : value >= 0.5 ? "medium" : "low", reasons };
}
