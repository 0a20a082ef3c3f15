import type { AnswerField } from "./answer-constants";

/** Short noun phrases used inside sentences ("if the latency budget were ..."). */
export const FIELD_PHRASES: Record<AnswerField, string> = {
  consumer: "consumer",
  latencyBudgetMs: "latency budget",
  maxStalenessSeconds: "allowed staleness",
  featureFreshness: "feature freshness",
  inputsEnumerable: "whether inputs are known in advance",
  entityCount: "entity count",
  activeSharePercent: "share of entities needing predictions",
  avgRequestsPerSecond: "average request rate",
  peakRequestsPerSecond: "peak request rate",
  idleHoursPerDay: "idle hours per day",
  coldStartToleranceSeconds: "cold-start tolerance",
  payloadMB: "payload size",
  processingTimeMs: "processing time",
  modelSizeGB: "model size",
  needsGpu: "whether a GPU is needed",
  inputSource: "input source",
  offlineOrOnDevice: "offline / on-device requirement",
  fallbackAcceptable: "whether a stale fallback is acceptable",
  deliveryMode: "delivery mode",
  monthlyBudgetUsd: "monthly budget",
  criticality: "criticality",
};

/** Display units of the numeric fields (canonical unit of the answer). */
export const FIELD_UNITS: Partial<Record<AnswerField, string>> = {
  latencyBudgetMs: "ms",
  maxStalenessSeconds: "s",
  entityCount: "",
  activeSharePercent: "%",
  avgRequestsPerSecond: "req/s",
  peakRequestsPerSecond: "req/s",
  idleHoursPerDay: "h",
  coldStartToleranceSeconds: "s",
  payloadMB: "MB",
  processingTimeMs: "ms",
  modelSizeGB: "GB",
  monthlyBudgetUsd: "USD",
};
