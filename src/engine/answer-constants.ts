/**
 * The answers' fields, choices, numeric ranges and the one rule across fields, without their
 * zod schemas (./answers): what the questionnaire form reads in the browser, where zod would
 * cost ~30 kB of the page's JavaScript budget. ./answers builds its schemas from these.
 */

/** Every answer field, in the order of the public contract (issue 3). */
export const ANSWER_FIELDS = [
  "consumer",
  "latencyBudgetMs",
  "maxStalenessSeconds",
  "featureFreshness",
  "inputsEnumerable",
  "entityCount",
  "activeSharePercent",
  "avgRequestsPerSecond",
  "peakRequestsPerSecond",
  "idleHoursPerDay",
  "coldStartToleranceSeconds",
  "payloadMB",
  "processingTimeMs",
  "modelSizeGB",
  "needsGpu",
  "inputSource",
  "offlineOrOnDevice",
  "fallbackAcceptable",
  "deliveryMode",
  "monthlyBudgetUsd",
  "criticality",
] as const;

export type AnswerField = (typeof ANSWER_FIELDS)[number];

export function isAnswerField(key: string): key is AnswerField {
  return (ANSWER_FIELDS as readonly string[]).includes(key);
}

export const CONSUMERS = ["user-request", "service-request", "event-pipeline", "human-later", "report"] as const;
export const FEATURE_FRESHNESS = ["request", "seconds", "minutes", "hours", "daily"] as const;
export const INPUT_SOURCES = ["http-request", "event-stream", "database-table", "files", "device"] as const;
export const DELIVERY_MODES = ["response", "callback", "table", "file"] as const;
export const CRITICALITIES = ["low", "medium", "high", "critical"] as const;

export type Consumer = (typeof CONSUMERS)[number];
export type FeatureFreshness = (typeof FEATURE_FRESHNESS)[number];
export type InputSource = (typeof INPUT_SOURCES)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type Criticality = (typeof CRITICALITIES)[number];

/** Inclusive/exclusive numeric ranges of every numeric answer (also used by the questionnaire). */
export const NUMERIC_RANGES = {
  latencyBudgetMs: { min: 0, minExclusive: true, max: 2_592_000_000, integer: false },
  maxStalenessSeconds: { min: 0, minExclusive: false, max: 31_536_000, integer: false },
  entityCount: { min: 0, minExclusive: false, max: 1_000_000_000_000, integer: true },
  activeSharePercent: { min: 0, minExclusive: false, max: 100, integer: false },
  avgRequestsPerSecond: { min: 0, minExclusive: false, max: 10_000_000, integer: false },
  peakRequestsPerSecond: { min: 0, minExclusive: false, max: 10_000_000, integer: false },
  idleHoursPerDay: { min: 0, minExclusive: false, max: 24, integer: false },
  coldStartToleranceSeconds: { min: 0, minExclusive: false, max: 86_400, integer: false },
  payloadMB: { min: 0, minExclusive: false, max: 1_000_000, integer: false },
  processingTimeMs: { min: 0, minExclusive: true, max: 86_400_000, integer: false },
  modelSizeGB: { min: 0, minExclusive: false, max: 100_000, integer: false },
  monthlyBudgetUsd: { min: 0, minExclusive: false, max: 1_000_000_000, integer: false },
} as const satisfies Partial<Record<AnswerField, { min: number; minExclusive: boolean; max: number; integer: boolean }>>;

export type NumericField = keyof typeof NUMERIC_RANGES;
export const NUMERIC_FIELDS = Object.keys(NUMERIC_RANGES) as NumericField[];

/** The rule across fields (both schemas in ./answers check it; the form checks it as people type). */
export const PEAK_MESSAGE = "Peak requests per second must be at least the average requests per second";

/** A peak rate below the average rate breaks the rule; an unknown (null or absent) one never does. */
export function peakAtLeastAvg(a: { avgRequestsPerSecond?: number | null; peakRequestsPerSecond?: number | null }): boolean {
  const avg = a.avgRequestsPerSecond;
  const peak = a.peakRequestsPerSecond;
  return avg == null || peak == null || peak >= avg;
}
