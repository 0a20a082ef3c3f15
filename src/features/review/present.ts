/**
 * Pure presentation helpers of the review workflow: waiting times, notification kinds, the
 * strategies a reviewer may approve (with what each crosses), and labels/values of the
 * assessment digest that `review.compare` diffs. No I/O; shared by pages and components.
 */
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { formatDurationMs, formatNumber, formatPercent, formatUsd } from "~/engine/format";
import type { Constraint } from "~/engine";
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
  recommended: StrategyId,
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
  recommended: StrategyId,
  constraints: readonly ConstraintLike[],
  feasible: boolean,
): { isOverride: boolean; blocked: string | null; softConstraints: { id: string; message: string }[] } {
  const check = checkOverride({ recommended, approved, constraints, feasible });
  if (!check.ok) return { isOverride: true, blocked: check.message, softConstraints: [] };
  const soft = constraints.filter((c) => check.softConstraintsOverridden.includes(c.id)).map((c) => ({ id: c.id, message: c.message }));
  return { isOverride: check.isOverride, blocked: null, softConstraints: soft };
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

/** "Recommended strategy", "Score · Batch scoring", "Monthly cost · Real-time endpoint". */
export function digestPathLabel(path: string): string {
  const [head = "", strategy] = path.split(".");
  if (strategy !== undefined && DIGEST_PER_STRATEGY[head]) {
    return `${DIGEST_PER_STRATEGY[head]} · ${isStrategy(strategy) ? STRATEGY_LABELS[strategy] : strategy}`;
  }
  return DIGEST_TOP[head] ?? path;
}

/** A digest value in words and units; `undefined` (absent on one side) reads as "—". */
export function formatDigestValue(path: string, value: unknown): string {
  if (value === undefined) return "—";
  const head = path.split(".")[0];
  if (value === null) return head === "serving" ? "Not applicable" : "unknown";
  switch (head) {
    case "recommended":
      return typeof value === "string" && isStrategy(value) ? STRATEGY_LABELS[value] : String(value);
    case "serving":
      return value === "scale-to-zero" ? "Scale to zero when idle" : value === "always-on" ? "Always on" : String(value);
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
