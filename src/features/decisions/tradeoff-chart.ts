/**
 * The trade-off chart's data: each strategy's p99 latency against its monthly cost, the
 * latency and monthly budgets as lines, infeasible strategies marked, the recommended and the
 * approved strategy flagged. Pure and isomorphic (the decision page renders the chart on the
 * server; the questionnaire's live recommendation in the browser). Reads the assessment
 * defensively: a strategy whose latency or cost is unknown (null, not finite, or a latency of
 * 0 or less, which a log scale cannot place) is listed as "unknown" in the text alternative
 * and not plotted; `recommended` may be null.
 *
 * Axes: cost on a symmetric log scale (so a $0 strategy, e.g. Edge's server cost, sits at the
 * origin), latency on a log scale; both domains are whole decades that include the budgets.
 */
import { formatDurationMs, formatUsd } from "~/engine/format";
import { STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";

/** What the chart reads of an assessment (a structural subset, so a stored older one fits). */
export interface TradeoffChartInput {
  recommended?: string | null;
  ranking: readonly { strategy: string; label?: string; rank: number; feasible: boolean; blockedBy: readonly { rule: string; message: string }[] }[];
  tradeoffs: readonly { strategy: string; latency: { p99Ms: number | null }; cost: { monthlyUsd: number | null } }[];
}

export interface TradeoffBudgets {
  latencyBudgetMs?: number | null;
  monthlyBudgetUsd?: number | null;
}

export interface TradeoffPoint {
  strategy: string;
  label: string;
  rank: number;
  feasible: boolean;
  /** Why the strategy is ruled out (empty when feasible). */
  blockedBy: string[];
  recommended: boolean;
  approved: boolean;
  p99Ms: number | null;
  monthlyUsd: number | null;
  /** Both figures known and placeable on the chart's scales. */
  plotted: boolean;
  /** Within the latency budget (null when the budget or the latency is unknown). */
  withinLatency: boolean | null;
  /** Within the monthly budget (null when the budget or the cost is unknown). */
  withinBudget: boolean | null;
  /** "p99 150 ms" / "p99 unknown". */
  latencyText: string;
  /** "$3,274 a month" / "cost unknown". */
  costText: string;
}

export interface BudgetLine {
  value: number;
  text: string;
}

export interface TradeoffChartData {
  /** Every strategy, in rank order. */
  points: TradeoffPoint[];
  /** The points that are drawn. */
  plotted: TradeoffPoint[];
  /** Strategies not drawn (a figure unknown). */
  unplotted: TradeoffPoint[];
  /** Horizontal line: the p99 latency budget (null when not answered). */
  latencyBudget: BudgetLine | null;
  /** Vertical line: the monthly budget (null when not answered). */
  monthlyBudget: BudgetLine | null;
  /** Cost axis domain, USD: [0, a power of ten]. */
  costDomain: [number, number];
  /** Latency axis domain, ms: [a power of ten, a power of ten]. */
  latencyDomain: [number, number];
  costTicks: number[];
  latencyTicks: number[];
  /** One sentence per strategy, for the text alternative. */
  description: string;
}

const known = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

function labelOf(strategy: string, label: string | undefined): string {
  return label ?? STRATEGY_LABELS[strategy as StrategyId] ?? strategy;
}

const decadeBelow = (x: number) => 10 ** Math.floor(Math.log10(x));
const decadeAbove = (x: number) => 10 ** Math.ceil(Math.log10(x));

/** Powers of ten from `from` to `to` (both powers of ten). */
function decades(from: number, to: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(from)); e <= Math.round(Math.log10(to)); e++) out.push(10 ** e);
  return out;
}

/** "$1k", "10 ms", "1 h": short tick labels. */
export function costTick(usd: number): string {
  if (usd >= 1e9) return `$${usd / 1e9}B`;
  if (usd >= 1e6) return `$${usd / 1e6}M`;
  if (usd >= 1e3) return `$${usd / 1e3}k`;
  return `$${usd}`;
}

export function latencyTick(ms: number): string {
  if (ms < 1) return `${ms} ms`;
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1_000} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

export function tradeoffChartData(assessment: TradeoffChartInput, budgets: TradeoffBudgets = {}, approvedStrategy?: string | null): TradeoffChartData {
  const latencyBudgetMs = known(budgets.latencyBudgetMs) && budgets.latencyBudgetMs > 0 ? budgets.latencyBudgetMs : null;
  const monthlyBudgetUsd = known(budgets.monthlyBudgetUsd) && budgets.monthlyBudgetUsd >= 0 ? budgets.monthlyBudgetUsd : null;
  const tradeoffs = new Map(assessment.tradeoffs.map((t) => [t.strategy, t]));

  const points: TradeoffPoint[] = [...assessment.ranking]
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => {
      const t = tradeoffs.get(entry.strategy);
      const p99Ms = known(t?.latency.p99Ms) ? t.latency.p99Ms : null;
      const monthlyUsd = known(t?.cost.monthlyUsd) ? t.cost.monthlyUsd : null;
      return {
        strategy: entry.strategy,
        label: labelOf(entry.strategy, entry.label),
        rank: entry.rank,
        feasible: entry.feasible,
        blockedBy: entry.blockedBy.map((b) => b.message),
        recommended: assessment.recommended != null && assessment.recommended === entry.strategy,
        approved: approvedStrategy != null && approvedStrategy === entry.strategy,
        p99Ms,
        monthlyUsd,
        plotted: p99Ms !== null && p99Ms > 0 && monthlyUsd !== null && monthlyUsd >= 0,
        withinLatency: p99Ms === null || latencyBudgetMs === null ? null : p99Ms <= latencyBudgetMs,
        withinBudget: monthlyUsd === null || monthlyBudgetUsd === null ? null : monthlyUsd <= monthlyBudgetUsd,
        latencyText: p99Ms === null ? "p99 latency unknown" : `p99 ${formatDurationMs(p99Ms)}`,
        costText: monthlyUsd === null ? "cost unknown" : `${formatUsd(monthlyUsd)} a month`,
      };
    });
  const plotted = points.filter((p) => p.plotted);

  const costs = [...plotted.map((p) => p.monthlyUsd!), ...(monthlyBudgetUsd === null ? [] : [monthlyBudgetUsd])].filter((c) => c > 0);
  const latencies = [...plotted.map((p) => p.p99Ms!), ...(latencyBudgetMs === null ? [] : [latencyBudgetMs])];
  const costMax = Math.max(10, decadeAbove(Math.max(1, ...costs) * 1.0001));
  const latencyMin = latencies.length ? decadeBelow(Math.min(...latencies)) : 1;
  const latencyMax = latencies.length ? Math.max(latencyMin * 10, decadeAbove(Math.max(...latencies) * 1.0001)) : 10_000;

  const describe = (p: TradeoffPoint) => {
    const flags = [p.approved ? "approved" : null, p.recommended ? "recommended" : null, p.feasible ? null : `ruled out (${p.blockedBy.join(" ") || "a hard rule"})`].filter(Boolean);
    const within = [
      p.withinLatency === null ? null : p.withinLatency ? "within the latency budget" : "over the latency budget",
      p.withinBudget === null ? null : p.withinBudget ? "within the monthly budget" : "over the monthly budget",
    ].filter(Boolean);
    return `${p.label}: ${p.latencyText}, ${p.costText}${within.length ? `, ${within.join(" and ")}` : ""}${flags.length ? ` — ${flags.join(", ")}` : ""}.`;
  };
  const budgetsText = [
    latencyBudgetMs === null ? "No latency budget was given." : `Latency budget: ${formatDurationMs(latencyBudgetMs)}.`,
    monthlyBudgetUsd === null ? "No monthly budget was given." : `Monthly budget: ${formatUsd(monthlyBudgetUsd)}.`,
  ].join(" ");

  return {
    points,
    plotted,
    unplotted: points.filter((p) => !p.plotted),
    latencyBudget: latencyBudgetMs === null ? null : { value: latencyBudgetMs, text: `Latency budget ${formatDurationMs(latencyBudgetMs)}` },
    monthlyBudget: monthlyBudgetUsd === null ? null : { value: monthlyBudgetUsd, text: `Monthly budget ${formatUsd(monthlyBudgetUsd)}` },
    costDomain: [0, costMax],
    latencyDomain: [latencyMin, latencyMax],
    costTicks: [0, ...decades(1, costMax)],
    latencyTicks: decades(latencyMin, latencyMax),
    description: `${budgetsText}${assessment.recommended === null ? " No strategy is feasible: the engine recommends none." : ""} ${points.map(describe).join(" ")}`,
  };
}
