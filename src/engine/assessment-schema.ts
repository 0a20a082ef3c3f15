import { z } from "zod";
import { ANSWER_FIELDS, type AnswerField } from "./answers";
import { priceTableSchema } from "./prices";
import { STRATEGIES } from "./strategies";

const strategyId = z.enum(STRATEGIES);
const answerField = z.enum(ANSWER_FIELDS as unknown as readonly [AnswerField, ...AnswerField[]]);
const num = z.number();
const nnum = z.number().nullable();

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
  blockedBy: z.array(z.object({ rule: z.string(), message: z.string() })),
  contributions: z.array(contributionSchema),
});

export const constraintSchema = z.object({
  id: z.string(),
  level: z.enum(["hard", "soft", "advisory"]),
  strategies: z.array(strategyId),
  fields: z.array(answerField),
  message: z.string(),
  source: z.string().nullable(),
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
});

export const realtimeEstimateSchema = z.object({
  inputs: inputsSchema,
  serving: z.enum(["always-on", "scale-to-zero"]),
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
  cost: z.object({ monthlyUsd: nnum, note: z.string() }),
  complexity: z.object({ level: z.enum(["low", "medium", "high"]), movingParts: z.array(z.string()) }),
});

export const flipSchema = z.object({
  field: answerField,
  label: z.string(),
  direction: z.enum(["increase", "decrease"]),
  current: num,
  value: num,
  boundary: num,
  from: strategyId,
  to: strategyId,
  message: z.string(),
});

export const warningSchema = z.object({
  code: z.string(),
  kind: z.enum(["unknown", "contradiction", "notice"]),
  fields: z.array(answerField),
  alternatives: z.array(strategyId),
  message: z.string(),
});

export const assessmentSchema = z.object({
  engineVersion: z.string(),
  recommended: strategyId,
  recommendedLabel: z.string(),
  serving: z.enum(["always-on", "scale-to-zero"]).nullable(),
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
