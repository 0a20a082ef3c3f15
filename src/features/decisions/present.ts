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
  type AnswerField,
  type Estimates,
  type StrategyId,
} from "~/engine";

export interface Figure {
  label: string;
  value: string;
}

const count = (n: number | null, unit: string) => (n === null ? "unknown" : `${formatNumber(n, 2)} ${unit}`);
const ms = (n: number | null) => formatDurationMs(n);
const usdMonth = (n: number | null) => (n === null ? "unknown" : `${formatUsd(n)} / month`);

/** The headline figures of one strategy's estimate (replicas, run duration, staleness, cost…). */
export function estimateFigures(strategy: StrategyId, estimates: Estimates): Figure[] {
  switch (strategy) {
    case "realtime": {
      const e = estimates.realtime;
      if (!e) return [];
      return [
        { label: "Replicas at peak", value: count(e.replicasAtPeak, "replicas") },
        { label: "Replicas at average load", value: count(e.replicasAtAverage, "replicas") },
        { label: "p99 latency", value: ms(e.p99LatencyMs) },
        { label: "Serving", value: e.serving === "scale-to-zero" ? "Scale to zero when idle" : "Always on" },
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
export { tradeoffChartData, type TradeoffChartData, type TradeoffPoint } from "./tradeoff-chart";
