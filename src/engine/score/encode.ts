/**
 * The answers as the scoring core reads them: a plain number[] in ANSWER_FIELDS order
 * (NaN = unknown; enums = option index; booleans = 0/1). Plain arrays throughout: allocating a
 * typed array costs far more than a small packed array, and states are created for every
 * assessment.
 */
import { ANSWER_FIELDS, CONSUMERS, CRITICALITIES, DELIVERY_MODES, FEATURE_FRESHNESS, INPUT_SOURCES, type AnswerField, type Answers } from "../answers";

export const FIELD_INDEX = Object.fromEntries(ANSWER_FIELDS.map((f, i) => [f, i])) as Record<AnswerField, number>;

/**
 * Indices into the encoded answers, by the names the rules use. The hot modules destructure this
 * into module-local constants: V8 reads an imported binding through its module cell on every use,
 * which costs more in the probes' loops than these reads themselves (docs/engine.md §10).
 */
export const ANSWER_INDEX = {
  I_CONSUMER: FIELD_INDEX.consumer,
  I_LATENCY: FIELD_INDEX.latencyBudgetMs,
  I_STALENESS: FIELD_INDEX.maxStalenessSeconds,
  I_FRESHNESS: FIELD_INDEX.featureFreshness,
  I_ENUMERABLE: FIELD_INDEX.inputsEnumerable,
  I_ENTITIES: FIELD_INDEX.entityCount,
  I_ACTIVE: FIELD_INDEX.activeSharePercent,
  I_AVG: FIELD_INDEX.avgRequestsPerSecond,
  I_PEAK: FIELD_INDEX.peakRequestsPerSecond,
  I_IDLE: FIELD_INDEX.idleHoursPerDay,
  I_COLD: FIELD_INDEX.coldStartToleranceSeconds,
  I_PAYLOAD: FIELD_INDEX.payloadMB,
  I_PROCESSING: FIELD_INDEX.processingTimeMs,
  I_MODEL: FIELD_INDEX.modelSizeGB,
  I_GPU: FIELD_INDEX.needsGpu,
  I_SOURCE: FIELD_INDEX.inputSource,
  I_OFFLINE: FIELD_INDEX.offlineOrOnDevice,
  I_FALLBACK: FIELD_INDEX.fallbackAcceptable,
  I_DELIVERY: FIELD_INDEX.deliveryMode,
  I_BUDGET: FIELD_INDEX.monthlyBudgetUsd,
  I_CRITICALITY: FIELD_INDEX.criticality,
} as const;

/** An encoded answer is known unless it is NaN. */
export const known = (v: number): boolean => v === v;

// `undefined` (a key missing from an unparsed object) counts as unknown, like null.
const num = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);
const bool = (v: boolean | null | undefined): number => (v === null || v === undefined ? NaN : v ? 1 : 0);
const option = (options: readonly string[], v: string | null | undefined): number => (v === null || v === undefined ? NaN : options.indexOf(v));

/**
 * Field by field, in ANSWER_FIELDS order (no dynamic keys: this runs once per assessment and per
 * bulk re-score; tests/unit/engine/score-sections.test.ts checks each field's position).
 */
export function encodeAnswers(a: Answers): number[] {
  return [
    option(CONSUMERS, a.consumer),
    num(a.latencyBudgetMs),
    num(a.maxStalenessSeconds),
    option(FEATURE_FRESHNESS, a.featureFreshness),
    bool(a.inputsEnumerable),
    num(a.entityCount),
    num(a.activeSharePercent),
    num(a.avgRequestsPerSecond),
    num(a.peakRequestsPerSecond),
    num(a.idleHoursPerDay),
    num(a.coldStartToleranceSeconds),
    num(a.payloadMB),
    num(a.processingTimeMs),
    num(a.modelSizeGB),
    bool(a.needsGpu),
    option(INPUT_SOURCES, a.inputSource),
    bool(a.offlineOrOnDevice),
    bool(a.fallbackAcceptable),
    option(DELIVERY_MODES, a.deliveryMode),
    num(a.monthlyBudgetUsd),
    option(CRITICALITIES, a.criticality),
  ];
}
