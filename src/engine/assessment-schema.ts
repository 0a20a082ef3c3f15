import { z } from "zod";
import { ANSWER_FIELDS } from "./answer-constants";
import { priceTableSchema } from "./prices";
import { STRATEGIES } from "./strategies";

const strategyId = z.enum(STRATEGIES);
const answerField = z.enum(ANSWER_FIELDS);
const num = z.number();
const nnum = z.number().nullable();

/**
 * Where a limit, price or heuristic comes from (src/engine/limits.ts, prices.ts). 2.0.0; absent
 * from assessments stored by earlier engines (they parse with an empty list).
 */
export const sourceRefSchema = z.object({
  /** Key of the entry in LIMITS / PRICE_SOURCES. */
  id: z.string(),
  value: num,
  unit: z.string(),
  vendor: z.string(),
  url: z.string(),
  /** ISO date the value was last checked against the vendor's page. */
  checked: z.string(),
  kind: z.enum(["documented", "heuristic"]),
});

export const contributionSchema = z.object({
  factor: z.string(),
  label: z.string(),
  points: num,
  reason: z.string(),
});

export const rankingEntrySchema = z.object({
  strategy: strategyId,
  label: z.string(),
  rank: z.number().int().min(1),
  score: z.number().min(0).max(100),
  feasible: z.boolean(),
  blockedBy: z.array(
    z.object({
      rule: z.string(),
      message: z.string(),
      /** Answers involved and the sourced limit (2.0.0; absent in older assessments). */
      fields: z.array(answerField).default([]),
      sources: z.array(sourceRefSchema).default([]),
    }),
  ),
  contributions: z.array(contributionSchema),
});

export const constraintSchema = z.object({
  id: z.string(),
  level: z.enum(["hard", "soft", "advisory"]),
  strategies: z.array(strategyId),
  fields: z.array(answerField),
  message: z.string(),
  source: z.string().nullable(),
  /** The sourced table entries the rule applied (2.0.0; [] for older assessments). */
  sources: z.array(sourceRefSchema).default([]),
});

export const confidenceSchema = z.object({
  value: z.number().min(0).max(1),
  level: z.enum(["low", "medium", "high"]),
  reasons: z.array(z.object({ code: z.string(), delta: num, message: z.string() })),
});

const inputsSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

export const batchEstimateSchema = z.object({
  inputs: inputsSchema,
  workers: nnum,
  runDurationSeconds: nnum,
  cadenceSeconds: nnum,
  cadenceAssumed: z.boolean(),
  worstCaseStalenessSeconds: nnum,
  wastedPredictionsPerRun: nnum,
  runsPerMonth: nnum,
  monthlyCostUsd: nnum,
  formula: z.string(),
  // 2.0.0 (absent in older assessments)
  /** "scheduled": a run over every (active) entity each cadence; "per-item": one job per triggered item. */
  variant: z.enum(["scheduled", "per-item"]).default("scheduled"),
  /** Entities scored per run (the active ones when their share is known). */
  entitiesScored: nnum.default(null),
  /** Workers above the default account quota: a request to raise it, not a blocker. */
  quotaWarning: z.string().nullable().default(null),
});

/** Real-time serving variants (2.0.0 adds "dedicated"). */
export const SERVING_VARIANTS = ["always-on", "scale-to-zero", "dedicated"] as const;
const servingSchema = z.enum(SERVING_VARIANTS);

/** A real-time serving variant's feasibility and cost (2.0.0). */
export const servingVariantSchema = z.object({
  variant: servingSchema,
  feasible: z.boolean(),
  blockedBy: z.array(z.object({ rule: z.string(), message: z.string(), sources: z.array(sourceRefSchema) })),
  monthlyCostUsd: nnum,
});

export const realtimeEstimateSchema = z.object({
  inputs: inputsSchema,
  serving: servingSchema,
  offeredLoadErlangs: nnum,
  waitBudgetMs: nnum,
  replicasAtPeak: nnum,
  replicasAtAverage: nnum,
  replicasForLatency: nnum,
  minReplicas: num,
  utilisationAtPeak: nnum,
  probWaitAtPeak: nnum,
  probWaitExceedsBudget: nnum,
  p99LatencyMs: nnum,
  coldStartSeconds: nnum,
  scaleToZeroAllowed: z.boolean(),
  scaleToZeroPricing: z.enum(["serverless-gb-seconds", "replica-hours-while-active"]).nullable(),
  monthlyCostAlwaysOnUsd: nnum,
  monthlyCostScaleToZeroUsd: nnum,
  monthlyCostUsd: nnum,
  approximate: z.boolean(),
  formula: z.string(),
  // 2.0.0 capacity model (absent in older assessments)
  /** Requests one replica serves at once (batched GPU requests count as one slot per batch). */
  concurrencyPerReplica: nnum.default(null),
  batching: z.enum(["none", "dynamic", "continuous"]).default("none"),
  batchSize: nnum.default(null),
  batchAddedLatencyMs: nnum.default(null),
  targetUtilisation: nnum.default(null),
  nPlusOne: z.boolean().default(false),
  gpusPerReplica: nnum.default(null),
  variants: z.array(servingVariantSchema).default([]),
});

export const asyncEstimateSchema = z.object({
  inputs: inputsSchema,
  workersAtAverage: nnum,
  workersAtPeak: nnum,
  messagesPerMonth: nnum,
  p99LatencyMs: nnum,
  coldStartSeconds: nnum,
  monthlyCostUsd: nnum,
  formula: z.string(),
});

export const streamingEstimateSchema = z.object({
  inputs: inputsSchema,
  consumers: nnum,
  shards: nnum,
  endToEndLatencyMs: nnum,
  monthlyCostUsd: nnum,
  formula: z.string(),
  /** Peak write throughput, MB/s (2.0.0: shards are sized by records/s and by MB/s). */
  throughputMBps: nnum.default(null),
});

export const hybridEstimateSchema = z.object({
  inputs: inputsSchema,
  assumedHitRate: num,
  liveRequestsPerSecondAtPeak: nnum,
  liveReplicasAtPeak: nnum,
  p99LatencyHitMs: num,
  p99LatencyMissMs: nnum,
  batchMonthlyCostUsd: nnum,
  liveMonthlyCostUsd: nnum,
  lookupMonthlyCostUsd: nnum,
  monthlyCostUsd: nnum,
  formula: z.string(),
});

export const edgeEstimateSchema = z.object({
  inputs: inputsSchema,
  deviceLatencyMs: nnum,
  fitsOnPhone: z.boolean().nullable(),
  monthlyServerCostUsd: num,
  formula: z.string(),
});

export const estimatesSchema = z.object({
  batch: batchEstimateSchema.nullable(),
  realtime: realtimeEstimateSchema.nullable(),
  async: asyncEstimateSchema.nullable(),
  streaming: streamingEstimateSchema.nullable(),
  hybrid: hybridEstimateSchema.nullable(),
  edge: edgeEstimateSchema.nullable(),
});

export const tradeoffSchema = z.object({
  strategy: strategyId,
  latency: z.object({ p99Ms: nnum, note: z.string() }),
  cost: z.object({
    monthlyUsd: nnum,
    note: z.string(),
    /** Cost over the cheapest feasible strategy's (2.0.0; null when either is unknown). */
    timesCheapest: nnum.default(null),
  }),
  complexity: z.object({ level: z.enum(["low", "medium", "high"]), movingParts: z.array(z.string()) }),
});

export const flipSchema = z.object({
  field: answerField,
  label: z.string(),
  direction: z.enum(["increase", "decrease"]),
  current: num,
  value: num,
  boundary: num,
  /** null: nothing is feasible at the current answers (the flip makes a strategy feasible). */
  from: strategyId.nullable(),
  /** null: at the flip value no strategy is feasible. */
  to: strategyId.nullable(),
  message: z.string(),
});

export const warningSchema = z.object({
  code: z.string(),
  kind: z.enum(["unknown", "contradiction", "notice"]),
  fields: z.array(answerField),
  alternatives: z.array(strategyId),
  message: z.string(),
});

/** What would make one strategy feasible when none is (2.0.0). */
export const feasibilityChangeSchema = z.object({
  field: answerField,
  /** The answer now (null = unknown). */
  current: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  /** The nearest answer that clears the blocking rule(s). */
  value: z.union([z.number(), z.string(), z.boolean()]),
  message: z.string(),
});

export const infeasibleStrategySchema = z.object({
  strategy: strategyId,
  label: z.string(),
  blockedBy: z.array(z.object({ rule: z.string(), message: z.string(), sources: z.array(sourceRefSchema) })),
  /**
   * The smallest change to the answers that makes it feasible (one answer when one suffices, else
   * every blocking rule's nearest value together); empty when no change to the answers does.
   */
  smallestChange: z.array(feasibilityChangeSchema),
});

export const noFeasibleStrategySchema = z.object({
  message: z.string(),
  strategies: z.array(infeasibleStrategySchema),
  /** False on the bulk re-scoring path (flips off): the smallest changes were not searched. */
  changesComputed: z.boolean(),
});

export const assessmentSchema = z.object({
  engineVersion: z.string(),
  /** null (2.0.0): no strategy is feasible; see noFeasibleStrategy. */
  recommended: strategyId.nullable(),
  recommendedLabel: z.string(),
  /** Why nothing is feasible, per strategy, and the smallest change that would fix it; null when something is. */
  noFeasibleStrategy: noFeasibleStrategySchema.nullable().default(null),
  serving: servingSchema.nullable(),
  summary: z.string(),
  ranking: z.array(rankingEntrySchema).length(STRATEGIES.length),
  constraints: z.array(constraintSchema),
  confidence: confidenceSchema,
  estimates: estimatesSchema,
  tradeoffs: z.array(tradeoffSchema).length(STRATEGIES.length),
  flips: z.array(flipSchema),
  flipsComputed: z.boolean(),
  warnings: z.array(warningSchema),
  unknownFields: z.array(answerField),
  prices: priceTableSchema,
});

export type Assessment = z.infer<typeof assessmentSchema>;
export type RankingEntry = z.infer<typeof rankingEntrySchema>;
export type Contribution = z.infer<typeof contributionSchema>;
export type Constraint = z.infer<typeof constraintSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Estimates = z.infer<typeof estimatesSchema>;
export type BatchEstimate = z.infer<typeof batchEstimateSchema>;
export type RealtimeEstimate = z.infer<typeof realtimeEstimateSchema>;
export type AsyncEstimate = z.infer<typeof asyncEstimateSchema>;
export type StreamingEstimate = z.infer<typeof streamingEstimateSchema>;
export type HybridEstimate = z.infer<typeof hybridEstimateSchema>;
export type EdgeEstimate = z.infer<typeof edgeEstimateSchema>;
export type Tradeoff = z.infer<typeof tradeoffSchema>;
export type Flip = z.infer<typeof flipSchema>;
export type AssessmentWarning = z.infer<typeof warningSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type NoFeasibleStrategy = z.infer<typeof noFeasibleStrategySchema>;
export type InfeasibleStrategy = z.infer<typeof infeasibleStrategySchema>;
export type ServingVariant = z.infer<typeof servingVariantSchema>;
