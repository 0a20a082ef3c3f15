/**
 * Pure presentation of an assessment: the figures of each strategy's estimate, the inputs they
 * used (answers in the questionnaire's words), and labels for levels and kinds.
 */
import {
  formatAnswer,
  formatDurationMs,
  formatDurationSeconds,
  formatNumber,
  formatPercent,
  formatRps,
  formatUsd,
  getQuestion,
  NO_FEASIBLE_LABEL,
  STRATEGY_LABELS,
  type AnswerField,
  type Estimates,
  type StrategyId,
} from "~/engine";
import { viaSection } from "~/lib/roles";

export interface Figure {
  label: string;
  value: string;
}

const count = (n: number | null, unit: string) => (n === null ? "unknown" : `${formatNumber(n, 2)} ${unit}`);
const ms = (n: number | null) => formatDurationMs(n);
const usdMonth = (n: number | null) => (n === null ? "unknown" : `${formatUsd(n)} / month`);

/** The headline figures of one strategy's estimate (replicas, run duration, staleness, cost…). */
export function estimateFigures(strategy: StrategyId | null, estimates: Estimates): Figure[] {
  switch (strategy) {
    case null:
      return [];
    case "realtime": {
      const e = estimates.realtime;
      if (!e) return [];
      return [
        { label: "Replicas at peak", value: count(e.replicasAtPeak, "replicas") },
        { label: "Replicas at average load", value: count(e.replicasAtAverage, "replicas") },
        { label: "p99 latency", value: ms(e.p99LatencyMs) },
        { label: "Serving", value: e.serving === "scale-to-zero" ? "Scale to zero when idle (serverless)" : e.serving === "dedicated" ? "Dedicated endpoint" : "Always on" },
        { label: "Monthly cost", value: usdMonth(e.monthlyCostUsd) },
      ];
    }
    case "batch": {
      const e = estimates.batch;
      if (!e) return [];
      return [
        { label: "Run duration", value: formatDurationSeconds(e.runDurationSeconds) },
        { label: "Cadence", value: `every ${formatDurationSeconds(e.cadenceSeconds)}${e.cadenceAssumed ? " (assumed)" : ""}` },
        { label: "Worst-case staleness", value: formatDurationSeconds(e.worstCaseStalenessSeconds) },
        { label: "Workers", value: count(e.workers, "workers") },
        { label: "Monthly cost", value: usdMonth(e.monthlyCostUsd) },
      ];
    }
    case "async": {
      const e = estimates.async;
      if (!e) return [];
      return [
        { label: "Workers at peak", value: count(e.workersAtPeak, "workers") },
        { label: "Workers at average load", value: count(e.workersAtAverage, "workers") },
        { label: "p99 latency", value: ms(e.p99LatencyMs) },
        { label: "Monthly cost", value: usdMonth(e.monthlyCostUsd) },
      ];
    }
    case "streaming": {
      const e = estimates.streaming;
      if (!e) return [];
      return [
        { label: "Consumers", value: count(e.consumers, "consumers") },
        { label: "Shards", value: count(e.shards, "shards") },
        { label: "Event to prediction", value: ms(e.endToEndLatencyMs) },
        { label: "Monthly cost", value: usdMonth(e.monthlyCostUsd) },
      ];
    }
    case "hybrid": {
      const e = estimates.hybrid;
      if (!e) return [];
      return [
        { label: "Answered from the store", value: formatPercent(e.assumedHitRate) },
        { label: "Live replicas at peak", value: count(e.liveReplicasAtPeak, "replicas") },
        { label: "Live requests at peak", value: formatRps(e.liveRequestsPerSecondAtPeak) },
        { label: "p99 latency (miss)", value: ms(e.p99LatencyMissMs) },
        { label: "Monthly cost", value: usdMonth(e.monthlyCostUsd) },
      ];
    }
    case "edge": {
      const e = estimates.edge;
      if (!e) return [];
      return [
        { label: "Device latency", value: ms(e.deviceLatencyMs) },
        { label: "Fits on a phone", value: e.fitsOnPhone === null ? "unknown" : e.fitsOnPhone ? "Yes" : "No" },
        { label: "Monthly server cost", value: usdMonth(e.monthlyServerCostUsd) },
      ];
    }
  }
}

/** Inputs of an estimate that are not answers: prices and engine assumptions. */
const ASSUMPTION_LABELS: Record<string, (v: number) => string> = {
  replicaHourUsd: (v) => `Replica-hour price: ${formatUsd(v)}`,
  workerHourUsd: (v) => `Worker-hour price: ${formatUsd(v)}`,
  serverlessGbSecondUsd: (v) => `Serverless price per GB-second: $${formatNumber(v, 6)}`,
  queuePerMillionMessagesUsd: (v) => `Queue price per million messages: ${formatUsd(v)}`,
  streamShardHourUsd: (v) => `Stream shard-hour price: $${formatNumber(v, 4)}`,
  keyValuePerMillionReadsUsd: (v) => `Store price per million reads: ${formatUsd(v)}`,
  overheadSeconds: (v) => `Scheduling overhead per run: ${formatDurationSeconds(v)}`,
  deviceSlowdown: (v) => `Devices assumed ${formatNumber(v)}× slower than a server`,
};

/** One input of an estimate as a sentence fragment: "Peak requests per second: 400 req/s". */
export function describeEstimateInput(key: string, value: number | string | boolean | null): string {
  const question = getQuestion(key as AnswerField);
  if (question) return `${question.label}: ${formatAnswer(question, value)}`;
  const assumption = ASSUMPTION_LABELS[key];
  if (assumption && typeof value === "number") return assumption(value);
  return `${key}: ${value === null ? "unknown" : String(value)}`;
}

export const CONSTRAINT_LEVEL_LABELS = {
  hard: "Hard rule — rules the strategy out",
  soft: "Soft rule — costs points, can be overridden with a reason",
  advisory: "Advisory — for information",
} as const;

export const WARNING_KIND_LABELS = {
  unknown: "Unknown answer that matters",
  contradiction: "Contradiction",
  notice: "Notice",
} as const;

/** "91% (high)". */
export function confidenceText(confidence: { value: number; level: string }): string {
  return `${formatPercent(confidence.value)} (${confidence.level})`;
}

/** A signed contribution as text: "+7.5", "−12.5", "50". */
export function signedPoints(points: number): string {
  const text = formatNumber(Math.abs(points), 2);
  return points > 0 ? `+${text}` : points < 0 ? `−${text}` : text;
}

/** The page of version `number` of a use case. */
export function decisionLink(useCaseId: string, number: number) {
  return `/use-cases/${useCaseId}/versions/${number}`;
}

/* ------------------------------------------------------------------------------------------ */
/* The outcome of a decision version: the decision on record first, the engine's advice second. */

/** What a page knows of a version to say its outcome (every list and page selects these). */
export interface OutcomeInput {
  status: string;
  /** null: nothing was feasible (engine 2.0.0), so the engine recommended no strategy. */
  recommended: StrategyId | null;
  approvedStrategy: StrategyId | null;
  isOverride: boolean;
  reviewedBy: { name: string } | null;
  reviewedAt: Date | null;
}

export type OutcomeKind = "approved" | "superseded" | "rejected" | "changes-requested" | "awaiting-review" | "withdrawn";

export interface DecisionOutcome {
  kind: OutcomeKind;
  /** The headline everywhere a decision appears: "Approved: Hybrid (store + live model)", "Changes requested". */
  headline: string;
  /** The strategy on record (approved, or approved before a newer version superseded it), else null. */
  strategy: StrategyId | null;
  isOverride: boolean;
  /** Who acted and how: "Approved by Raj Patel", "Changes requested by Raj Patel"; null while no one has. */
  byline: string | null;
  /** When the reviewer acted (shown next to the byline). */
  at: Date | null;
  /** The engine's advice, second: "The engine recommended Real-time endpoint; the reviewer chose otherwise." */
  recommendation: string;
  /** A compact form for tables and cards: "Hybrid (override)", "Awaiting review". */
  short: string;
}

const ACTED: Record<OutcomeKind, string | null> = {
  approved: "Approved",
  superseded: "Approved",
  rejected: "Rejected",
  "changes-requested": "Changes requested",
  "awaiting-review": null,
  withdrawn: null,
};

function outcomeKind(status: string): OutcomeKind {
  switch (status) {
    case "APPROVED":
      return "approved";
    case "SUPERSEDED":
      return "superseded";
    case "REJECTED":
      return "rejected";
    case "CHANGES_REQUESTED":
      return "changes-requested";
    case "WITHDRAWN":
      return "withdrawn";
    default:
      return "awaiting-review";
  }
}

/** The decision on record for one version, in words: the one function every page and list uses. */
export function decisionOutcome(v: OutcomeInput): DecisionOutcome {
  const kind = outcomeKind(v.status);
  const recommendedLabel = v.recommended === null ? null : STRATEGY_LABELS[v.recommended];
  const approved = kind === "approved" || kind === "superseded" ? (v.approvedStrategy ?? v.recommended) : null;
  const approvedLabel = approved ? STRATEGY_LABELS[approved] : null;
  const isOverride = approved !== null && (v.isOverride || approved !== v.recommended);
  const acted = ACTED[kind];
  const byline = acted && v.reviewedBy ? `${acted} by ${v.reviewedBy.name}` : null;
  const headline = {
    approved: approvedLabel ? `Approved: ${approvedLabel}` : "Approved",
    superseded: approvedLabel ? `Superseded — was approved: ${approvedLabel}` : "Superseded",
    rejected: "Rejected",
    "changes-requested": "Changes requested",
    "awaiting-review": "Submitted, awaiting review",
    withdrawn: "Withdrawn by its submitter",
  }[kind];
  const recommendation =
    recommendedLabel === null
      ? approved
        ? `Override: ${NO_FEASIBLE_LABEL.toLowerCase()} — the engine recommended none.`
        : kind === "awaiting-review"
          ? `${NO_FEASIBLE_LABEL}: the engine recommends none.`
          : `${NO_FEASIBLE_LABEL}: the engine recommended none.`
      : approved
        ? isOverride
          ? `Override: the engine recommended ${recommendedLabel}.`
          : "As the engine recommended."
        : kind === "awaiting-review"
          ? `The engine recommends ${recommendedLabel}.`
          : `The engine recommended ${recommendedLabel}.`;
  const short = approved
    ? `${approvedLabel}${isOverride ? " (override)" : ""}`
    : { rejected: "Rejected", "changes-requested": "Changes requested", "awaiting-review": "Awaiting review", withdrawn: "Withdrawn" }[kind as Exclude<OutcomeKind, "approved" | "superseded">];
  return { kind, headline, strategy: approved, isOverride, byline, at: acted ? v.reviewedAt : null, recommendation, short };
}

/**
 * The monthly cost of the decision on record: the approved strategy's estimate once approved,
 * the recommended one's before; null when the engine could not estimate it (unknown answers).
 */
export function costOnRecord(tradeoffs: readonly { strategy: StrategyId; cost: { monthlyUsd: number | null } }[], v: Pick<OutcomeInput, "status" | "recommended" | "approvedStrategy">): number | null {
  const strategy = (v.status === "APPROVED" || v.status === "SUPERSEDED") && v.approvedStrategy ? v.approvedStrategy : v.recommended;
  return tradeoffs.find((t) => t.strategy === strategy)?.cost.monthlyUsd ?? null;
}

export interface NextAction {
  label: string;
  href: string;
}

/**
 * What the person looking at a version can do next, where they are: the team answers a change
 * request (or a rejection, or its own withdrawal) with "Edit answers and resubmit", opening the
 * questionnaire on that version's answers; a reviewer who may decide gets "Review".
 */
export function nextAction(
  v: { useCaseId: string; number: number; status: string },
  viewer: { canEditDraft: boolean; canReview: boolean; isLatest: boolean },
): NextAction | null {
  if (v.status === "SUBMITTED" && viewer.canReview) return { label: "Review", href: reviewLink(v.useCaseId, v.number) };
  if (viewer.canEditDraft && viewer.isLatest && (v.status === "CHANGES_REQUESTED" || v.status === "REJECTED" || v.status === "WITHDRAWN")) {
    return { label: "Edit answers and resubmit", href: resubmitLink(v.useCaseId, v.number) };
  }
  return null;
}

/** The questionnaire opened on version `number`'s answers, to change and submit as the next version. */
export function resubmitLink(useCaseId: string, number: number) {
  return `/use-cases/${useCaseId}/edit?from=${number}`;
}

/** The version page at its review panel (where the reviewer decides). */
export function reviewLink(useCaseId: string, number: number) {
  return `${decisionLink(useCaseId, number)}?${viaSection("review")}#review`;
}
export { tradeoffChartData, type TradeoffChartData, type TradeoffPoint } from "./tradeoff-chart";
