/**
 * The answers' choices and numeric ranges, without their zod schemas (./answers): what the
 * questionnaire's labels, units and the review's presentation read in the browser, where zod
 * would cost ~30 kB of the page's JavaScript budget.
 */
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
} as const;

export type NumericField = keyof typeof NUMERIC_RANGES;
export const NUMERIC_FIELDS = Object.keys(NUMERIC_RANGES) as NumericField[];
