/**
 * Pure presentation helpers of the review workflow: waiting times, notification kinds, the
 * strategies a reviewer may approve (with what each crosses), and labels/values of the
 * assessment digest that `review.compare` diffs. No I/O; shared by pages and components.
 */
import { NO_FEASIBLE_LABEL, STRATEGIES, STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { formatDurationMs, formatNumber, formatPercent, formatUsd } from "~/engine/format";
import type { Constraint } from "~/engine";
import { formatAnswer } from "~/engine/answer-text";
import type { AnswerField } from "~/engine/answers";
import { getQuestion } from "~/engine/questionnaire";
import { checkOverride } from "./workflow";

/** "Today", "1 day", "12 days". */
export function waitingText(ageDays: number): string {
  if (ageDays <= 0) return "Today";
  return ageDays === 1 ? "1 day" : `${formatNumber(ageDays, 0)} days`;
}

const CRITICALITY_LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export function criticalityLabel(criticality: string | null): string {
  return criticality === null ? "Not given" : (CRITICALITY_LABELS[criticality] ?? criticality);
}

/** "3 decisions waiting for review", "1 decision waiting…", "Nothing waiting for review". */
export function queueCountText(count: number): string {
  if (count === 0) return "Nothing waiting for review";
  return `${count} decision${count === 1 ? "" : "s"} waiting for review`;
}

export function isStrategy(value: string): value is StrategyId {
  return (STRATEGIES as readonly string[]).includes(value);
}

export interface ApprovalOption {
  strategy: StrategyId;
  label: string;
  recommended: boolean;
  /** Why it cannot be approved (a hard rule, or infeasible), or null when it can. */
  blockedReason: string | null;
}

type ConstraintLike = Pick<Constraint, "id" | "level" | "strategies" | "message">;

/**
 * The ranking's strategies as approval choices, in ranking order; ruled-out ones carry their
 * reason. Each is asked of `checkOverride`, the same rule the server enforces on approval.
 */
export function approvalOptions(
  ranking: readonly { strategy: StrategyId; label: string; feasible: boolean }[],
  constraints: readonly ConstraintLike[],
  recommended: StrategyId | null,
): ApprovalOption[] {
  return ranking.map((r) => {
    const check = checkOverride({ recommended, approved: r.strategy, constraints, feasible: r.feasible });
    return {
      strategy: r.strategy,
      label: r.label,
      recommended: r.strategy === recommended,
      blockedReason: check.ok ? null : check.reasons.join(" "),
    };
  });
}

export function describeApproval(
  approved: StrategyId,
  recommended: StrategyId | null,
  constraints: readonly ConstraintLike[],
  feasible: boolean,
): { isOverride: boolean; blocked: string | null; softConstraints: { id: string; message: string }[] } {
  const check = checkOverride({ recommended, approved, constraints, feasible });
  if (!check.ok) return { isOverride: true, blocked: check.message, softConstraints: [] };
  const soft = constraints.filter((c) => check.softConstraintsOverridden.includes(c.id)).map((c) => ({ id: c.id, message: c.message }));
  return { isOverride: check.isOverride, blocked: null, softConstraints: soft };
}

/** One strategy a reviewer may pick, with what approving it means (review.state precomputes these: the form needs no engine code). */
export interface ApprovalChoice extends ApprovalOption {
  approval: ReturnType<typeof describeApproval>;
  /** How it compares with the team's limits, for a strategy other than the recommended one (null: the recommended one, or no figures). */
  fit: LimitFit | null;
}

export function approvalChoices(
  ranking: readonly { strategy: StrategyId; label: string; feasible: boolean }[],
  constraints: readonly ConstraintLike[],
  recommended: StrategyId | null,
  figures: Record<StrategyId, StrategyFigures> | null,
  limits: TeamLimits | null,
): ApprovalChoice[] {
  return approvalOptions(ranking, constraints, recommended).map((option, i) => {
    const figure = figures?.[option.strategy];
    return {
      ...option,
      approval: describeApproval(option.strategy, recommended, constraints, ranking[i]!.feasible),
      fit: option.strategy !== recommended && figure && limits ? limitFit(figure, limits) : null,
    };
  });
}

// --- The assessment digest of review.compare --------------------------------------------

const DIGEST_TOP: Record<string, string> = {
  recommended: "Recommended strategy",
  serving: "Serving mode",
  confidence: "Confidence",
};
const DIGEST_PER_STRATEGY: Record<string, string> = {
  scores: "Score",
  feasible: "Feasible",
  monthlyCostUsd: "Monthly cost",
  p99LatencyMs: "p99 latency",
};

/** A flip key of the digest ("processingTimeMs~increase") as its parts, or null. */
function parseFlipKey(key: string | undefined): { field: AnswerField; direction: string } | null {
  const [field, direction] = (key ?? "").split("~");
  const question = field ? getQuestion(field as AnswerField) : undefined;
  return question && (direction === "increase" || direction === "decrease") ? { field: question.field, direction } : null;
}

/** "Recommended strategy", "Score · Batch scoring", "Monthly cost · Real-time endpoint", "Flip threshold · …". */
export function digestPathLabel(path: string): string {
  const [head = "", strategy] = path.split(".");
  if (head === "flips") {
    const flip = parseFlipKey(strategy);
    if (!flip) return path;
    return `Flip threshold · ${getQuestion(flip.field)!.label} (${flip.direction === "increase" ? "if higher" : "if lower"})`;
  }
  if (strategy !== undefined && DIGEST_PER_STRATEGY[head]) {
    return `${DIGEST_PER_STRATEGY[head]} · ${isStrategy(strategy) ? STRATEGY_LABELS[strategy] : strategy}`;
  }
  return DIGEST_TOP[head] ?? path;
}

/** A digest value in words and units; `undefined` (absent on one side) reads as "—". */
export function formatDigestValue(path: string, value: unknown): string {
  if (value === undefined) return "—";
  const head = path.split(".")[0];
  if (value === null) return head === "serving" ? "Not applicable" : head === "recommended" ? NO_FEASIBLE_LABEL : "unknown";
  switch (head) {
    case "recommended":
      return typeof value === "string" && isStrategy(value) ? STRATEGY_LABELS[value] : String(value);
    case "serving":
      return value === "scale-to-zero" ? "Scale to zero when idle" : value === "always-on" ? "Always on" : value === "dedicated" ? "Dedicated endpoint" : String(value);
    case "confidence":
      return typeof value === "number" ? formatPercent(value) : String(value);
    case "scores":
      return typeof value === "number" ? formatNumber(value, 1) : String(value);
    case "feasible":
      return value === true ? "Yes" : value === false ? "No — ruled out" : String(value);
    case "monthlyCostUsd":
      return typeof value === "number" ? formatUsd(value) : String(value);
    case "p99LatencyMs":
      return typeof value === "number" ? formatDurationMs(value) : String(value);
    case "flips": {
      const flip = parseFlipKey(path.split(".")[1]);
      return flip && typeof value === "number" ? formatAnswer(getQuestion(flip.field)!, value) : String(value);
    }
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** The paths a list of changes touches, for "is this cell changed?" look-ups. */
export function changedPaths(changes: readonly { path: string }[]): Set<string> {
  return new Set(changes.map((c) => c.path));
}

/** Top-level answer fields touched by a list of answer changes (`field` or `field.x`). */
export function changedFields(changes: readonly { path: string }[]): Set<string> {
  return new Set(changes.map((c) => c.path.split(".")[0]!));
}

/** Default pair of versions to compare: the one before the latest, and the latest. */
export function defaultComparison(numbers: readonly number[]): { from: number; to: number } | null {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  return { from: sorted[sorted.length - 2]!, to: sorted[sorted.length - 1]! };
}

/** A version number from a search parameter, if it is one of `numbers`. */
export function pickVersion(value: string | string[] | undefined, numbers: readonly number[]): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  if (!/^[1-9]\d{0,5}$/.test(text)) return null;
  const n = Number(text);
  return numbers.includes(n) ? n : null;
}

/**
 * The thread without the reviewer's decision comment: that comment is stored in the thread
 * (so the team can reply to it) and on the version (the record), and shows once — in the
 * review record. It is the reviewer's comment made at the moment of the decision, with its text.
 */
export function threadWithoutDecisionComment<C extends { authorId: string; createdAt: Date; body: string }>(
  comments: readonly C[],
  review: { reviewedById: string | null; reviewedAt: Date | null; reviewComment: string | null },
): C[] {
  const { reviewedById, reviewedAt, reviewComment } = review;
  if (!reviewedById || !reviewedAt || !reviewComment) return [...comments];
  const index = comments.findIndex((c) => c.authorId === reviewedById && c.createdAt.getTime() === reviewedAt.getTime() && c.body === reviewComment);
  return index < 0 ? [...comments] : comments.filter((_, i) => i !== index);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The compare page's one-sentence summary of the assessment's changes: the recommendation first,
 * then moved flip thresholds by name and value ("the processing time flip moved from 100 ms to
 * 150 ms"), then how many other figures changed. "The assessment is the same" only when nothing did.
 */
export function assessmentChangeSummary(changes: readonly { path: string; before: unknown; after: unknown }[]): string {
  if (changes.length === 0) return "the assessment is the same";
  const parts: string[] = [];
  const rec = changes.find((c) => c.path === "recommended");
  parts.push(rec ? `the recommendation changed from ${formatDigestValue("recommended", rec.before)} to ${formatDigestValue("recommended", rec.after)}` : "the recommendation is the same");
  const flips = changes.filter((c) => c.path.startsWith("flips."));
  for (const f of flips) {
    const flip = parseFlipKey(f.path.split(".")[1]);
    const name = flip ? `the ${lowerFirst(getQuestion(flip.field)!.label)} flip threshold` : f.path;
    if (f.before === undefined) parts.push(`${name} appeared at ${formatDigestValue(f.path, f.after)}`);
    else if (f.after === undefined) parts.push(`${name} no longer applies (was ${formatDigestValue(f.path, f.before)})`);
    else parts.push(`${name} moved from ${formatDigestValue(f.path, f.before)} to ${formatDigestValue(f.path, f.after)}`);
  }
  const others = changes.length - flips.length - (rec ? 1 : 0);
  if (others > 0) parts.push(`${others} other figure${others === 1 ? "" : "s"} changed`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

// --- How far an override misses the team's limits ---------------------------------------

/** The limits the team gave in its answers (null: not given, "I don't know"). */
export interface TeamLimits {
  latencyBudgetMs: number | null;
  maxStalenessSeconds: number | null;
  monthlyBudgetUsd: number | null;
}

/** One strategy's figures from the stored assessment (null: the engine could not compute it). */
export interface StrategyFigures {
  p99LatencyMs: number | null;
  /** How old a prediction may be when it is used: 0 when it is computed for the request. */
  stalenessSeconds: number | null;
  monthlyCostUsd: number | null;
}

/** A stored assessment as far as the figures need it; every field read defensively. */
export interface AssessmentFigures {
  tradeoffs?: readonly { strategy?: unknown; latency?: { p99Ms?: unknown } | null; cost?: { monthlyUsd?: unknown } | null }[] | null;
  estimates?: {
    batch?: { worstCaseStalenessSeconds?: unknown } | null;
    streaming?: { endToEndLatencyMs?: unknown } | null;
  } | null;
}

export const finiteOrNull = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * Each strategy's p99 latency, staleness and monthly cost from a stored assessment: latency and
 * cost from its trade-offs; staleness from how the strategy produces a prediction — a batch run's
 * worst-case age (and a hybrid's precomputed hits are as old), a stream's event-to-prediction
 * time, and none for strategies that score the request itself (real-time, async, edge).
 */
export function strategyFigures(assessment: AssessmentFigures | null | undefined): Record<StrategyId, StrategyFigures> {
  const tradeoffs = Array.isArray(assessment?.tradeoffs) ? assessment.tradeoffs : [];
  const batchStaleness = finiteOrNull(assessment?.estimates?.batch?.worstCaseStalenessSeconds);
  // Engine 2.0 writes estimates for feasible strategies only; a stream's trade-off latency is the
  // same event-to-prediction time, and is there for every strategy.
  const streamMs =
    finiteOrNull(assessment?.estimates?.streaming?.endToEndLatencyMs) ?? finiteOrNull(tradeoffs.find((x) => x?.strategy === "streaming")?.latency?.p99Ms);
  const staleness: Record<StrategyId, number | null> = {
    batch: batchStaleness,
    hybrid: batchStaleness,
    streaming: streamMs === null ? null : streamMs / 1000,
    realtime: 0,
    async: 0,
    edge: 0,
  };
  return Object.fromEntries(
    STRATEGIES.map((strategy) => {
      const t = tradeoffs.find((x) => x?.strategy === strategy);
      return [strategy, { p99LatencyMs: finiteOrNull(t?.latency?.p99Ms), stalenessSeconds: staleness[strategy], monthlyCostUsd: finiteOrNull(t?.cost?.monthlyUsd) }];
    }),
  ) as Record<StrategyId, StrategyFigures>;
}

export type LimitKind = "latency" | "staleness" | "cost";

export interface LimitCheck {
  limit: LimitKind;
  /** miss: over the limit; meets: within it; unknown: the strategy's figure is unknown; no-limit: the team gave none. */
  outcome: "miss" | "meets" | "unknown" | "no-limit";
  /** The sentence to show. */
  text: string;
}

export interface LimitFit {
  checks: LimitCheck[];
  misses: number;
  /** One line over the checks: how many limits it misses, or that it meets all three (only when all three were checked). */
  summary: string;
}

const LIMIT_NAMES: Record<LimitKind, string> = { latency: "latency budget", staleness: "staleness limit", cost: "monthly budget" };

function times(value: number, limit: number): string {
  if (limit <= 0) return "";
  const ratio = value / limit;
  return ratio >= 1.5 ? ` (${formatNumber(ratio, ratio < 10 ? 1 : 0)}×)` : "";
}

function check(limit: LimitKind, value: number | null, cap: number | null, format: (n: number) => string, what: string): LimitCheck {
  if (cap === null) return { limit, outcome: "no-limit", text: `No ${LIMIT_NAMES[limit]} was given, so ${what} is not checked.` };
  if (value === null) return { limit, outcome: "unknown", text: `${capitalise(what)} is unknown (an answer it needs is missing), so it cannot be checked against the ${format(cap)} ${LIMIT_NAMES[limit]}.` };
  if (value > cap) {
    return { limit, outcome: "miss", text: `${capitalise(what)} is ${format(value)} against a ${format(cap)} ${LIMIT_NAMES[limit]}: ${format(value - cap)} over${times(value, cap)}.` };
  }
  return { limit, outcome: "meets", text: `${capitalise(what)} is ${format(value)}, within the ${format(cap)} ${LIMIT_NAMES[limit]}.` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How a strategy compares with the team's latency budget, staleness limit and monthly budget:
 * for each, by how much it misses, that it meets it, or why it cannot be checked. The summary
 * says it meets all three only when all three were checked and met.
 */
export function limitFit(figures: StrategyFigures, limits: TeamLimits): LimitFit {
  const checks = [
    check("latency", figures.p99LatencyMs, limits.latencyBudgetMs, formatDurationMs, "its p99 latency"),
    check("staleness", figures.stalenessSeconds, limits.maxStalenessSeconds, (s) => (s === 0 ? "0 s" : formatDurationMs(s * 1000)), "the age of its predictions"),
    check("cost", figures.monthlyCostUsd, limits.monthlyBudgetUsd, formatUsd, "its monthly cost"),
  ];
  const missed = checks.filter((c) => c.outcome === "miss");
  const unchecked = checks.filter((c) => c.outcome === "unknown" || c.outcome === "no-limit");
  let summary: string;
  if (missed.length > 0) {
    summary = `It misses ${listOf(missed.map((c) => `the ${LIMIT_NAMES[c.limit]}`))}.`;
  } else if (unchecked.length === 0) {
    summary = "It meets the latency budget, the staleness limit and the monthly budget.";
  } else if (unchecked.length === checks.length) {
    summary = "None of the team's limits could be checked for it.";
  } else {
    summary = `It meets ${listOf(checks.filter((c) => c.outcome === "meets").map((c) => `the ${LIMIT_NAMES[c.limit]}`))}; ${listOf(unchecked.map((c) => `the ${LIMIT_NAMES[c.limit]}`))} could not be checked.`;
  }
  return { checks, misses: missed.length, summary };
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
