/**
 * The questionnaire definition: the one source of truth for the web form and the CLI
 * `questions` command. Pure data plus `parseQuantity` for unit-aware numeric input.
 */
import {
  CONSUMERS,
  CRITICALITIES,
  DELIVERY_MODES,
  FEATURE_FRESHNESS,
  INPUT_SOURCES,
  NUMERIC_RANGES,
  type AnswerField,
  type NumericField,
} from "./answer-constants";
import { parseQuestionQuantity, type ParseQuantityResult } from "./quantity";

export interface UnitAlternative {
  symbol: string;
  /** Multiply a value in this unit by `factor` to get the canonical unit. */
  factor: number;
}

export interface QuestionUnit {
  symbol: string;
  name: string;
  accepts?: UnitAlternative[];
}

export interface QuestionOption {
  value: string | boolean;
  label: string;
  help?: string;
}

export interface Question {
  field: AnswerField;
  label: string;
  help: string;
  kind: "number" | "integer" | "boolean" | "enum";
  unit?: QuestionUnit;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  example: number | string | boolean;
  options?: QuestionOption[];
  required: boolean;
}

export interface QuestionnaireStep {
  id: string;
  title: string;
  description: string;
  questions: Question[];
}

// Unit vocabularies. Symbols are matched case-sensitively first, then case-insensitively
// when that is unambiguous (e.g. "MS" -> "ms", but "m" vs "M" is never guessed).
const MS_UNITS: UnitAlternative[] = [
  { symbol: "µs", factor: 0.001 },
  { symbol: "us", factor: 0.001 },
  { symbol: "ms", factor: 1 },
  { symbol: "msec", factor: 1 },
  { symbol: "millisecond", factor: 1 },
  { symbol: "milliseconds", factor: 1 },
  { symbol: "s", factor: 1000 },
  { symbol: "sec", factor: 1000 },
  { symbol: "secs", factor: 1000 },
  { symbol: "second", factor: 1000 },
  { symbol: "seconds", factor: 1000 },
  { symbol: "min", factor: 60_000 },
  { symbol: "mins", factor: 60_000 },
  { symbol: "minute", factor: 60_000 },
  { symbol: "minutes", factor: 60_000 },
  { symbol: "h", factor: 3_600_000 },
  { symbol: "hr", factor: 3_600_000 },
  { symbol: "hrs", factor: 3_600_000 },
  { symbol: "hour", factor: 3_600_000 },
  { symbol: "hours", factor: 3_600_000 },
  { symbol: "d", factor: 86_400_000 },
  { symbol: "day", factor: 86_400_000 },
  { symbol: "days", factor: 86_400_000 },
];
const S_UNITS: UnitAlternative[] = MS_UNITS.map((u) => ({ symbol: u.symbol, factor: u.factor / 1000 })).concat([
  { symbol: "w", factor: 604_800 },
  { symbol: "week", factor: 604_800 },
  { symbol: "weeks", factor: 604_800 },
]);
const MB_UNITS: UnitAlternative[] = [
  { symbol: "B", factor: 1e-6 },
  { symbol: "bytes", factor: 1e-6 },
  { symbol: "KB", factor: 0.001 },
  { symbol: "kB", factor: 0.001 },
  { symbol: "KiB", factor: 1024 / 1e6 },
  { symbol: "MB", factor: 1 },
  { symbol: "MiB", factor: 1.048576 },
  { symbol: "GB", factor: 1000 },
  { symbol: "GiB", factor: 1073.741824 },
  { symbol: "TB", factor: 1_000_000 },
];
const GB_UNITS: UnitAlternative[] = MB_UNITS.map((u) => ({ symbol: u.symbol, factor: u.factor / 1000 }));
const RPS_UNITS: UnitAlternative[] = [
  { symbol: "rps", factor: 1 },
  { symbol: "req/s", factor: 1 },
  { symbol: "/s", factor: 1 },
  { symbol: "qps", factor: 1 },
  { symbol: "events/s", factor: 1 },
  { symbol: "rpm", factor: 1 / 60 },
  { symbol: "req/min", factor: 1 / 60 },
  { symbol: "/min", factor: 1 / 60 },
  { symbol: "req/h", factor: 1 / 3600 },
  { symbol: "/h", factor: 1 / 3600 },
  { symbol: "req/day", factor: 1 / 86_400 },
  { symbol: "/day", factor: 1 / 86_400 },
];
const HOUR_UNITS: UnitAlternative[] = [
  { symbol: "h", factor: 1 },
  { symbol: "hr", factor: 1 },
  { symbol: "hrs", factor: 1 },
  { symbol: "hour", factor: 1 },
  { symbol: "hours", factor: 1 },
  { symbol: "min", factor: 1 / 60 },
  { symbol: "mins", factor: 1 / 60 },
  { symbol: "minutes", factor: 1 / 60 },
];
const COUNT_UNITS: UnitAlternative[] = [
  { symbol: "k", factor: 1e3 },
  { symbol: "K", factor: 1e3 },
  { symbol: "thousand", factor: 1e3 },
  { symbol: "M", factor: 1e6 },
  { symbol: "mn", factor: 1e6 },
  { symbol: "million", factor: 1e6 },
  { symbol: "bn", factor: 1e9 },
  { symbol: "billion", factor: 1e9 },
];
const USD_UNITS: UnitAlternative[] = [
  { symbol: "$", factor: 1 },
  { symbol: "USD", factor: 1 },
  { symbol: "usd", factor: 1 },
  { symbol: "k", factor: 1e3 },
  { symbol: "K", factor: 1e3 },
  { symbol: "$k", factor: 1e3 },
  { symbol: "k USD", factor: 1e3 },
];

function range(field: NumericField): Pick<Question, "min" | "max" | "minExclusive"> {
  const r = NUMERIC_RANGES[field];
  return r.minExclusive ? { min: r.min, max: r.max, minExclusive: true } : { min: r.min, max: r.max };
}

const YES_NO = (yes: string, no: string): QuestionOption[] => [
  { value: true, label: "Yes", help: yes },
  { value: false, label: "No", help: no },
];

export const questionnaire: readonly QuestionnaireStep[] = [
  {
    id: "consumer",
    title: "Who consumes the predictions",
    description: "Who or what waits for a prediction decides most of the architecture.",
    questions: [
      {
        field: "consumer",
        label: "Who consumes the predictions?",
        help: "Pick who waits for one prediction: a person in an app, another service calling synchronously, an event pipeline, a person looking later, or a report.",
        kind: "enum",
        example: "user-request",
        required: true,
        options: [
          { value: CONSUMERS[0], label: "A person waiting on a request", help: "e.g. a checkout page, a search box" },
          { value: CONSUMERS[1], label: "Another service, synchronously", help: "e.g. a payment service calling before it approves" },
          { value: CONSUMERS[2], label: "An event pipeline", help: "e.g. a stream job enriching events" },
          { value: CONSUMERS[3], label: "A person, later", help: "e.g. a planner opening a dashboard the next morning" },
          { value: CONSUMERS[4], label: "A report", help: "e.g. a monthly finance report" },
        ],
      },
    ],
  },
  {
    id: "latency-freshness",
    title: "Latency and freshness",
    description: "How long the caller can wait, and how old a prediction may be when used.",
    questions: [
      {
        field: "latencyBudgetMs",
        label: "Latency budget (p99)",
        help: "The longest the caller can wait for one prediction, 99 times out of 100. Type e.g. 250 ms, 2 s or 10 min.",
        kind: "number",
        unit: { symbol: "ms", name: "milliseconds", accepts: MS_UNITS },
        ...range("latencyBudgetMs"),
        example: 200,
        required: false,
      },
      {
        field: "maxStalenessSeconds",
        label: "Maximum staleness",
        help: "How old a prediction may be when it is used. 0 means it must be computed at the moment of use. Type e.g. 30 s, 1 h or 1 d.",
        kind: "number",
        unit: { symbol: "s", name: "seconds", accepts: S_UNITS },
        ...range("maxStalenessSeconds"),
        example: 3600,
        required: false,
      },
      {
        field: "featureFreshness",
        label: "Freshest input the model needs",
        help: "How recent the newest input to the model must be: values that only exist in the request, or data that changes every few seconds, minutes, hours or once a day.",
        kind: "enum",
        example: "hours",
        required: false,
        options: [
          { value: FEATURE_FRESHNESS[0], label: "Only available in the request", help: "e.g. the basket being checked out" },
          { value: FEATURE_FRESHNESS[1], label: "Seconds", help: "e.g. the last clicks of a session" },
          { value: FEATURE_FRESHNESS[2], label: "Minutes" },
          { value: FEATURE_FRESHNESS[3], label: "Hours" },
          { value: FEATURE_FRESHNESS[4], label: "Daily", help: "e.g. yesterday's sales" },
        ],
      },
    ],
  },
  {
    id: "load",
    title: "Load and traffic shape",
    description: "How many predictions per second, how bursty, and how idle.",
    questions: [
      {
        field: "avgRequestsPerSecond",
        label: "Average requests per second",
        help: "Average prediction requests (or events) per second over the busy part of the day. Type e.g. 50 rps or 3000 rpm.",
        kind: "number",
        unit: { symbol: "req/s", name: "requests per second", accepts: RPS_UNITS },
        ...range("avgRequestsPerSecond"),
        example: 50,
        required: false,
      },
      {
        field: "peakRequestsPerSecond",
        label: "Peak requests per second",
        help: "The highest sustained rate you must serve (at least the average).",
        kind: "number",
        unit: { symbol: "req/s", name: "requests per second", accepts: RPS_UNITS },
        ...range("peakRequestsPerSecond"),
        example: 400,
        required: false,
      },
      {
        field: "idleHoursPerDay",
        label: "Idle hours per day",
        help: "Hours a day with no traffic at all (0 to 24).",
        kind: "number",
        unit: { symbol: "h", name: "hours", accepts: HOUR_UNITS },
        ...range("idleHoursPerDay"),
        example: 8,
        required: false,
      },
      {
        field: "coldStartToleranceSeconds",
        label: "Cold-start tolerance",
        help: "How long the first request after an idle period may wait while a replica starts. 0 if never.",
        kind: "number",
        unit: { symbol: "s", name: "seconds", accepts: S_UNITS },
        ...range("coldStartToleranceSeconds"),
        example: 30,
        required: false,
      },
    ],
  },
  {
    id: "payload-model",
    title: "Payload, model and hardware",
    description: "Size of what goes in and out, and what the model needs to run.",
    questions: [
      {
        field: "payloadMB",
        label: "Payload size (request + response)",
        help: "Size of one request plus its response. Type e.g. 20 KB, 6 MB or 1.5 GB.",
        kind: "number",
        unit: { symbol: "MB", name: "megabytes", accepts: MB_UNITS },
        ...range("payloadMB"),
        example: 0.05,
        required: false,
      },
      {
        field: "processingTimeMs",
        label: "Processing time per prediction (p50)",
        help: "Model time for one prediction on one replica, median. Type e.g. 15 ms or 2 s.",
        kind: "number",
        unit: { symbol: "ms", name: "milliseconds", accepts: MS_UNITS },
        ...range("processingTimeMs"),
        example: 20,
        required: false,
      },
      {
        field: "modelSizeGB",
        label: "Model size",
        help: "Size of the model artefact in memory. Type e.g. 300 MB or 1.5 GB.",
        kind: "number",
        unit: { symbol: "GB", name: "gigabytes", accepts: GB_UNITS },
        ...range("modelSizeGB"),
        example: 0.5,
        required: false,
      },
      {
        field: "needsGpu",
        label: "Does the model need a GPU?",
        help: "Yes if serving on CPU would be too slow or impossible.",
        kind: "boolean",
        example: false,
        required: false,
        options: YES_NO("Serving needs a GPU", "CPU is enough"),
      },
    ],
  },
  {
    id: "data-delivery",
    title: "Data and delivery",
    description: "Where inputs come from, whether they are known in advance, and how results are delivered.",
    questions: [
      {
        field: "inputSource",
        label: "Where do inputs come from?",
        help: "The system that holds or produces the inputs to score.",
        kind: "enum",
        example: "database-table",
        required: false,
        options: [
          { value: INPUT_SOURCES[0], label: "An HTTP request" },
          { value: INPUT_SOURCES[1], label: "An event stream", help: "e.g. Kafka, Kinesis, Pub/Sub" },
          { value: INPUT_SOURCES[2], label: "A database table" },
          { value: INPUT_SOURCES[3], label: "Files", help: "e.g. documents or images in object storage" },
          { value: INPUT_SOURCES[4], label: "The user's device" },
        ],
      },
      {
        field: "inputsEnumerable",
        label: "Can every input be known before it is needed?",
        help: "Yes if you could list every entity (customer, product, store...) to score before anyone asks.",
        kind: "boolean",
        example: true,
        required: false,
        options: YES_NO("All inputs can be listed in advance", "Inputs appear only when requested"),
      },
      {
        field: "entityCount",
        label: "Entities scored by one full run",
        help: "How many inputs one full batch run would score. Type e.g. 250000, 250k or 2.5 M.",
        kind: "integer",
        unit: { symbol: "", name: "entities", accepts: COUNT_UNITS },
        ...range("entityCount"),
        example: 250_000,
        required: false,
      },
      {
        field: "activeSharePercent",
        label: "Share of entities that need a prediction",
        help: "Per staleness period, the percentage of those entities that are actually used (the rest of a full run is wasted).",
        kind: "number",
        unit: { symbol: "%", name: "percent" },
        ...range("activeSharePercent"),
        example: 60,
        required: false,
      },
      {
        field: "offlineOrOnDevice",
        label: "Must it work offline, or must data stay on the device?",
        help: "Yes if predictions are needed without network, or the data may not leave the device.",
        kind: "boolean",
        example: false,
        required: false,
        options: YES_NO("Offline or on-device only", "A network call is fine"),
      },
      {
        field: "deliveryMode",
        label: "How do results reach their consumer?",
        help: "In the response, by callback/polling, written to a table, or as files.",
        kind: "enum",
        example: "response",
        required: false,
        options: [
          { value: DELIVERY_MODES[0], label: "In the response" },
          { value: DELIVERY_MODES[1], label: "By callback or polling" },
          { value: DELIVERY_MODES[2], label: "Written to a table" },
          { value: DELIVERY_MODES[3], label: "As files" },
        ],
      },
      {
        field: "fallbackAcceptable",
        label: "May a slightly stale precomputed answer stand in?",
        help: "Yes if, when live scoring fails or is slow, an answer computed earlier is acceptable.",
        kind: "boolean",
        example: true,
        required: false,
        options: YES_NO("A stale fallback is fine", "Only a fresh prediction will do"),
      },
    ],
  },
  {
    id: "budget-criticality",
    title: "Budget and criticality",
    description: "What you can spend, and how bad an outage would be.",
    questions: [
      {
        field: "monthlyBudgetUsd",
        label: "Monthly budget",
        help: "Serving budget per month in US dollars. Type e.g. 2000, $2,000 or 2k.",
        kind: "number",
        unit: { symbol: "USD", name: "US dollars per month", accepts: USD_UNITS },
        ...range("monthlyBudgetUsd"),
        example: 2000,
        required: false,
      },
      {
        field: "criticality",
        label: "Criticality",
        help: "How bad it is when predictions are unavailable.",
        kind: "enum",
        example: "medium",
        required: false,
        options: [
          { value: CRITICALITIES[0], label: "Low", help: "Nice to have" },
          { value: CRITICALITIES[1], label: "Medium", help: "A degraded experience" },
          { value: CRITICALITIES[2], label: "High", help: "Lost revenue or blocked work" },
          { value: CRITICALITIES[3], label: "Critical", help: "Money, safety or compliance at stake" },
        ],
      },
    ],
  },
];

const QUESTION_BY_FIELD = new Map<string, Question>(questionnaire.flatMap((s) => s.questions.map((q) => [q.field, q] as const)));

export function getQuestion(field: AnswerField): Question | undefined {
  return QUESTION_BY_FIELD.get(field);
}

export type { ParseQuantityResult } from "./quantity";

/**
 * Parse what a person types into a numeric field: `250 ms`, `2 s`, `1.5 GB`, `3,000 rpm`, `$2k`.
 * Only unambiguous units of that field are accepted; the result is in the field's canonical unit.
 */
export function parseQuantity(field: string, text: string): ParseQuantityResult {
  const q = QUESTION_BY_FIELD.get(field);
  if (!q) return { ok: false, message: `"${field}" is not a numeric question.` };
  return parseQuestionQuantity(q, text);
}
