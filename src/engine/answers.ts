import { z } from "zod";

import {
  CONSUMERS,
  FEATURE_FRESHNESS,
  INPUT_SOURCES,
  DELIVERY_MODES,
  CRITICALITIES,
  NUMERIC_RANGES,
  PEAK_MESSAGE,
  peakAtLeastAvg,
  type AnswerField,
  type NumericField,
} from "./answer-constants";

export { ANSWER_FIELDS, CONSUMERS, FEATURE_FRESHNESS, INPUT_SOURCES, DELIVERY_MODES, CRITICALITIES, NUMERIC_RANGES, NUMERIC_FIELDS } from "./answer-constants";
export type { AnswerField, Consumer, FeatureFreshness, InputSource, DeliveryMode, Criticality, NumericField } from "./answer-constants";

function num(field: NumericField) {
  const r = NUMERIC_RANGES[field];
  let s = r.integer ? z.number().int() : z.number();
  s = r.minExclusive ? s.gt(r.min) : s.gte(r.min);
  return s.lte(r.max);
}

const fieldSchemas = {
  consumer: z.enum(CONSUMERS, { error: (iss) => (iss.input === undefined || iss.input === null ? "Required: who consumes the predictions" : undefined) }),
  latencyBudgetMs: num("latencyBudgetMs"),
  maxStalenessSeconds: num("maxStalenessSeconds"),
  featureFreshness: z.enum(FEATURE_FRESHNESS),
  inputsEnumerable: z.boolean(),
  entityCount: num("entityCount"),
  activeSharePercent: num("activeSharePercent"),
  avgRequestsPerSecond: num("avgRequestsPerSecond"),
  peakRequestsPerSecond: num("peakRequestsPerSecond"),
  idleHoursPerDay: num("idleHoursPerDay"),
  coldStartToleranceSeconds: num("coldStartToleranceSeconds"),
  payloadMB: num("payloadMB"),
  processingTimeMs: num("processingTimeMs"),
  modelSizeGB: num("modelSizeGB"),
  needsGpu: z.boolean(),
  inputSource: z.enum(INPUT_SOURCES),
  offlineOrOnDevice: z.boolean(),
  fallbackAcceptable: z.boolean(),
  deliveryMode: z.enum(DELIVERY_MODES),
  monthlyBudgetUsd: num("monthlyBudgetUsd"),
  criticality: z.enum(CRITICALITIES),
} as const satisfies Record<AnswerField, z.ZodType>;

/**
 * The questionnaire answers. `null` means "I don't know"; only `consumer` is required. An omitted
 * key is the same as `null`: the parsed answers always have every key, in contract order.
 * Unknown keys, wrong types and out-of-range values are errors (nothing is coerced).
 */
export const answersSchema = z
  .object({
    consumer: fieldSchemas.consumer,
    latencyBudgetMs: fieldSchemas.latencyBudgetMs.nullable().default(null),
    maxStalenessSeconds: fieldSchemas.maxStalenessSeconds.nullable().default(null),
    featureFreshness: fieldSchemas.featureFreshness.nullable().default(null),
    inputsEnumerable: fieldSchemas.inputsEnumerable.nullable().default(null),
    entityCount: fieldSchemas.entityCount.nullable().default(null),
    activeSharePercent: fieldSchemas.activeSharePercent.nullable().default(null),
    avgRequestsPerSecond: fieldSchemas.avgRequestsPerSecond.nullable().default(null),
    peakRequestsPerSecond: fieldSchemas.peakRequestsPerSecond.nullable().default(null),
    idleHoursPerDay: fieldSchemas.idleHoursPerDay.nullable().default(null),
    coldStartToleranceSeconds: fieldSchemas.coldStartToleranceSeconds.nullable().default(null),
    payloadMB: fieldSchemas.payloadMB.nullable().default(null),
    processingTimeMs: fieldSchemas.processingTimeMs.nullable().default(null),
    modelSizeGB: fieldSchemas.modelSizeGB.nullable().default(null),
    needsGpu: fieldSchemas.needsGpu.nullable().default(null),
    inputSource: fieldSchemas.inputSource.nullable().default(null),
    offlineOrOnDevice: fieldSchemas.offlineOrOnDevice.nullable().default(null),
    fallbackAcceptable: fieldSchemas.fallbackAcceptable.nullable().default(null),
    deliveryMode: fieldSchemas.deliveryMode.nullable().default(null),
    monthlyBudgetUsd: fieldSchemas.monthlyBudgetUsd.nullable().default(null),
    criticality: fieldSchemas.criticality.nullable().default(null),
  } satisfies Record<AnswerField, z.ZodType>)
  .strict()
  .refine(peakAtLeastAvg, { message: PEAK_MESSAGE, path: ["peakRequestsPerSecond"] });

/** Parsed answers: every key present, `null` = unknown. */
export type Answers = z.infer<typeof answersSchema>;
/** What `answersSchema` accepts: every key but `consumer` may be omitted (= null). */
export type AnswersInput = z.input<typeof answersSchema>;

/** Same fields and range checks, but everything optional and nullable: for saving drafts. */
export const draftAnswersSchema = z
  .object({
    consumer: fieldSchemas.consumer.nullable().optional(),
    latencyBudgetMs: fieldSchemas.latencyBudgetMs.nullable().optional(),
    maxStalenessSeconds: fieldSchemas.maxStalenessSeconds.nullable().optional(),
    featureFreshness: fieldSchemas.featureFreshness.nullable().optional(),
    inputsEnumerable: fieldSchemas.inputsEnumerable.nullable().optional(),
    entityCount: fieldSchemas.entityCount.nullable().optional(),
    activeSharePercent: fieldSchemas.activeSharePercent.nullable().optional(),
    avgRequestsPerSecond: fieldSchemas.avgRequestsPerSecond.nullable().optional(),
    peakRequestsPerSecond: fieldSchemas.peakRequestsPerSecond.nullable().optional(),
    idleHoursPerDay: fieldSchemas.idleHoursPerDay.nullable().optional(),
    coldStartToleranceSeconds: fieldSchemas.coldStartToleranceSeconds.nullable().optional(),
    payloadMB: fieldSchemas.payloadMB.nullable().optional(),
    processingTimeMs: fieldSchemas.processingTimeMs.nullable().optional(),
    modelSizeGB: fieldSchemas.modelSizeGB.nullable().optional(),
    needsGpu: fieldSchemas.needsGpu.nullable().optional(),
    inputSource: fieldSchemas.inputSource.nullable().optional(),
    offlineOrOnDevice: fieldSchemas.offlineOrOnDevice.nullable().optional(),
    fallbackAcceptable: fieldSchemas.fallbackAcceptable.nullable().optional(),
    deliveryMode: fieldSchemas.deliveryMode.nullable().optional(),
    monthlyBudgetUsd: fieldSchemas.monthlyBudgetUsd.nullable().optional(),
    criticality: fieldSchemas.criticality.nullable().optional(),
  } satisfies Record<AnswerField, z.ZodType>)
  .strict()
  .refine(peakAtLeastAvg, { message: PEAK_MESSAGE, path: ["peakRequestsPerSecond"] });

export type DraftAnswers = z.infer<typeof draftAnswersSchema>;

export type ParseAnswersResult =
  | { ok: true; answers: Answers }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

/** Validate unknown input (e.g. a request body). Errors are keyed by field path. */
export function parseAnswers(input: unknown): ParseAnswersResult {
  const r = answersSchema.safeParse(input);
  if (r.success) return { ok: true, answers: r.data };
  return flattenIssues(r.error.issues);
}

/** Flatten zod issues into `{ fieldErrors, formErrors }` with dotted paths as keys. */
export function flattenIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
): { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  const push = (key: string, msg: string) => {
    (fieldErrors[key] ??= []).push(msg);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys && issue.path.length === 0) {
      for (const k of issue.keys) push(k, `Unknown field "${k}"`);
      continue;
    }
    if (issue.path.length === 0) formErrors.push(issue.message);
    else push(issue.path.map(String).join("."), issue.message);
  }
  return { ok: false, fieldErrors, formErrors };
}
