/**
 * Servewise strategy engine — public API. Pure TypeScript + zod: no I/O, no clock, no
 * randomness. Scores on the server (the questionnaire's live preview and the authoritative
 * score); the browser imports only its zod-free modules (questionnaire, answer-constants, format).
 */
export { ENGINE_VERSION } from "./version";
export {
  STRATEGIES,
  STRATEGY_LABELS,
  STRATEGY_DESCRIPTIONS,
  NO_FEASIBLE_LABEL,
  NO_FEASIBLE_SHORT,
  recommendationLabel,
  type StrategyId,
  type ServingMode,
} from "./strategies";
export {
  ANSWER_FIELDS,
  NUMERIC_FIELDS,
  NUMERIC_RANGES,
  CONSUMERS,
  FEATURE_FRESHNESS,
  INPUT_SOURCES,
  DELIVERY_MODES,
  CRITICALITIES,
  answersSchema,
  draftAnswersSchema,
  parseAnswers,
  type AnswerField,
  type Answers,
  type AnswersInput,
  type DraftAnswers,
  type NumericField,
  type ParseAnswersResult,
} from "./answers";
export { DEFAULT_PRICES, PRICE_SOURCES, priceTableSchema, resolvePrices, type PriceKey, type PriceTable } from "./prices";
export { assess, recommend, type AssessOptions } from "./assess";
export {
  assessmentSchema,
  SERVING_VARIANTS,
  type Assessment,
  type AssessmentWarning,
  type BatchEstimate,
  type AsyncEstimate,
  type Confidence,
  type Constraint,
  type Contribution,
  type EdgeEstimate,
  type Estimates,
  type Flip,
  type HybridEstimate,
  type InfeasibleStrategy,
  type NoFeasibleStrategy,
  type ServingVariant,
  type SourceRef,
  type RankingEntry,
  type RealtimeEstimate,
  type StreamingEstimate,
  type Tradeoff,
} from "./assessment-schema";
export {
  questionnaire,
  getQuestion,
  parseQuantity,
  type ParseQuantityResult,
  type Question,
  type QuestionnaireStep,
  type QuestionOption,
  type QuestionUnit,
  type UnitAlternative,
} from "./questionnaire";
export { parseQuestionQuantity } from "./quantity";
export { FIELD_PHRASES, FIELD_UNITS } from "./fields";
export { PLATFORM_LIMITS, LIMIT_SOURCES, ASSUMPTIONS, LIMITS, NOT_RECHECKED, type LimitId, type SourcedValue, type SourceKind } from "./limits";
export { erlangB, erlangC, probWaitExceeds, replicasForWaitBudget, waitQuantileS, type ReplicaSizing } from "./queueing";
export {
  formatDurationMs,
  formatDurationSeconds,
  formatMegabytes,
  formatNumber,
  formatPercent,
  formatRps,
  formatUsd,
  roundSig,
  roundTo,
} from "./format";
export { formatAnswer } from "./answer-text";
export { EXAMPLE_ANSWERS, type ExampleAnswers } from "./examples";
