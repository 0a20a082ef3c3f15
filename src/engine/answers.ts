import { z } from "zod";

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
} as const;

export type AnswerField = keyof typeof fieldSchemas;

/** Every answer field, in the order of the public contract (issue 3). */
export const ANSWER_FIELDS = Object.keys(fieldSchemas) as AnswerField[];

const PEAK_MESSAGE = "Peak requests per second must be at least the average requests per second";

function peakAtLeastAvg(a: { avgRequestsPerSecond?: number | null; peakRequestsPerSecond?: number | null }): boolean {
  const avg = a.avgRequestsPerSecond;
  const peak = a.peakRequestsPerSecond;
  return avg == null || peak == null || peak >= avg;
}

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
  })
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
  })
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
