/**
 * The scoring core. One function, `evaluate`, serves two callers:
 *  - the fast path (no recorder): numbers only, no allocations, used by flips and bulk re-scoring;
 *  - the explained path (with a recorder): the same arithmetic, plus contributions, constraints
 *    and near-threshold notes.
 * Because both paths run the same code, an explained score can never disagree with a probe.
 */
import {
  ANSWER_FIELDS,
  CONSUMERS,
  CRITICALITIES,
  DELIVERY_MODES,
  FEATURE_FRESHNESS,
  INPUT_SOURCES,
  type AnswerField,
  type Answers,
} from "./answers";
import { formatDurationMs, formatDurationSeconds, formatMegabytes, formatNumber, formatUsd } from "./format";
import { ASSUMPTIONS, LIMIT_SOURCES, PLATFORM_LIMITS } from "./limits";
import type { PriceTable } from "./prices";
import { replicasForWaitBudget, type ReplicaSizing } from "./queueing";
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from "./strategies";

// ---------------------------------------------------------------------------------------------
// Encoding: answers -> number[] (NaN = unknown; enums = option index; booleans = 0/1).
// Plain arrays throughout: allocating a typed array costs far more than a small packed array,
// and states are created for every assessment.
// ---------------------------------------------------------------------------------------------

export const FIELD_INDEX = Object.fromEntries(ANSWER_FIELDS.map((f, i) => [f, i])) as Record<AnswerField, number>;

const I_CONSUMER = 0;
const I_LATENCY = 1;
const I_STALENESS = 2;
const I_FRESHNESS = 3;
const I_ENUMERABLE = 4;
const I_ENTITIES = 5;
const I_ACTIVE = 6;
const I_AVG = 7;
const I_PEAK = 8;
const I_IDLE = 9;
const I_COLD = 10;
const I_PAYLOAD = 11;
const I_PROCESSING = 12;
const I_MODEL = 13;
const I_GPU = 14;
const I_SOURCE = 15;
const I_OFFLINE = 16;
const I_FALLBACK = 17;
const I_DELIVERY = 18;
const I_BUDGET = 19;
const I_CRITICALITY = 20;

// `undefined` (a key missing from an unparsed object) counts as unknown, like null.
const num = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);
const bool = (v: boolean | null | undefined): number => (v === null || v === undefined ? NaN : v ? 1 : 0);
const option = (options: readonly string[], v: string | null | undefined): number => (v === null || v === undefined ? NaN : options.indexOf(v));

/** Field by field (no dynamic keys: this runs once per assessment and per bulk re-score). */
export function encodeAnswers(a: Answers): number[] {
  // In ANSWER_FIELDS order (I_CONSUMER = 0 ... I_CRITICALITY = 20).
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

// ---------------------------------------------------------------------------------------------
// Strategy indices and shared types
// ---------------------------------------------------------------------------------------------

const B = 0;
const R = 1;
const A = 2;
const S = 3;
const H = 4;
const E = 5;
const N_STRATEGIES = 6;

type Pts = readonly [number, number, number, number, number, number];

export const BASE_SCORE = 50;

export type ConstraintLevel = "hard" | "soft" | "advisory";

export interface RecordedContribution {
  factor: string;
  label: string;
  points: number;
  reason: string;
}

export interface RecordedConstraint {
  id: string;
  level: ConstraintLevel;
  strategies: StrategyId[];
  fields: AnswerField[];
  message: string;
  source: string | null;
}

export interface NearThreshold {
  field: AnswerField;
  value: number;
  threshold: number;
  rule: string;
}

export class Recorder {
  readonly contributions: RecordedContribution[][] = [[], [], [], [], [], []];
  readonly blockedBy: { rule: string; message: string }[][] = [[], [], [], [], [], []];
  readonly constraints: RecordedConstraint[] = [];
  readonly near: NearThreshold[] = [];

  contribute(factor: string, label: string, pts: Pts, reason: string): void {
    for (let s = 0; s < N_STRATEGIES; s++) {
      const p = pts[s]! * POINT_WEIGHT;
      if (p !== 0) this.contributions[s]!.push({ factor, label, points: p, reason });
    }
  }

  nearCheck(field: AnswerField, value: number, thresholds: readonly number[], rule: string): void {
    for (const t of thresholds) {
      if (t > 0 && Math.abs(value - t) <= ASSUMPTIONS.nearThresholdRatio * t) {
        this.near.push({ field, value, threshold: t, rule });
        return;
      }
    }
  }
}

/** Numeric estimates computed by every evaluation (NaN = not computable from the answers). */
export class Estimates {
  // realtime
  rtLambda = NaN;
  rtServiceS = NaN;
  rtWaitBudgetS = NaN;
  rtSizingPeak: ReplicaSizing | null = null;
  rtReplicas = NaN;
  rtReplicasAvg = NaN;
  rtMinReplicas = 1;
  rtColdStartS = NaN;
  rtScaleToZeroAllowed = false;
  rtServing: 0 | 1 = 0; // 0 always-on, 1 scale-to-zero
  rtCostAlwaysOn = NaN;
  rtCostScaleToZero = NaN;
  rtScaleToZeroMethod: "serverless-gb-seconds" | "replica-hours-while-active" | null = null;
  rtP99Ms = NaN;
  // batch
  bWorkSeconds = NaN;
  bWorkers = NaN;
  bDurationS = NaN;
  bCadenceS = NaN;
  bCadenceKnown = false;
  bWorstStalenessS = NaN;
  bWastedPerRun = NaN;
  bRunsPerMonth = NaN;
  bCost = NaN;
  // async
  aWorkersAvg = NaN;
  aWorkersPeak = NaN;
  aMessagesPerMonth = NaN;
  aP99Ms = NaN;
  aCost = NaN;
  // streaming
  sConsumers = NaN;
  sShards = NaN;
  sP99Ms = NaN;
  sCost = NaN;
  // hybrid
  hHitRate = NaN;
  hLambda = NaN;
  hSizing: ReplicaSizing | null = null;
  hReplicas = NaN;
  hLiveCost = NaN;
  hBatchCost = NaN;
  hLookupCost = NaN;
  hP99Ms = NaN;
  hCost = NaN;
  // edge
  eP99Ms = NaN;
  eCost = NaN;
  // per strategy
  readonly cost: number[] = [0, 0, 0, 0, 0, 0];
  readonly p99Ms: number[] = [0, 0, 0, 0, 0, 0];
  readonly movingParts: string[][] = [[], [], [], [], [], []];
}

export interface EvalState {
  readonly x: number[];
  readonly prices: PriceTable;
  readonly raw: number[]; // unclamped score (base + contributions)
  readonly blocked: number[];
  /** Weighted points the cost-vs-budget factor gave each strategy (0 when it did not apply). */
  readonly costPts: number[];
  /** Sums of the sections outside the current probe's (see fixSections). */
  readonly fixedRaw: number[];
  readonly fixedBlocked: number[];
  readonly fixedCostPts: number[];
  /** Answer index whose complement the fixed sums hold (-1: none). */
  fixedFor: number;
  est: Estimates;
  rec: Recorder | null;
}

export function createState(x: number[], prices: PriceTable, rec: Recorder | null): EvalState {
  return {
    x,
    prices,
    raw: [0, 0, 0, 0, 0, 0],
    blocked: [0, 0, 0, 0, 0, 0],
    costPts: [0, 0, 0, 0, 0, 0],
    fixedRaw: [0, 0, 0, 0, 0, 0],
    fixedBlocked: [0, 0, 0, 0, 0, 0],
    fixedCostPts: [0, 0, 0, 0, 0, 0],
    fixedFor: -1,
    est: new Estimates(),
    rec,
  };
}

/**
 * Factor tables are written in whole "raw points"; every raw point is worth POINT_WEIGHT score
 * points, which keeps typical totals inside the 0-100 scale. Multiples of 0.5 are exact in
 * binary floating point, so contributions always add up to the score exactly.
 */
export const POINT_WEIGHT = 0.5;

function add(st: EvalState, factor: string, label: string, pts: Pts, reason: string | null): void {
  const r = st.raw;
  r[0] = r[0]! + pts[0] * POINT_WEIGHT;
  r[1] = r[1]! + pts[1] * POINT_WEIGHT;
  r[2] = r[2]! + pts[2] * POINT_WEIGHT;
  r[3] = r[3]! + pts[3] * POINT_WEIGHT;
  r[4] = r[4]! + pts[4] * POINT_WEIGHT;
  r[5] = r[5]! + pts[5] * POINT_WEIGHT;
  if (st.rec && reason !== null) st.rec.contribute(factor, label, pts, reason);
}

/** Range of weighted points the cost-vs-budget factor can give one strategy. */
export const COST_POINTS_MIN = -25 * POINT_WEIGHT;
export const COST_POINTS_MAX = 5 * POINT_WEIGHT;

function addOne(st: EvalState, s: number, factor: string, label: string, rawPoints: number, reason: string | null): void {
  const points = rawPoints * POINT_WEIGHT;
  if (factor === "cost-vs-budget" || factor === "cost-over-budget") st.costPts[s] = st.costPts[s]! + points;
  st.raw[s] = st.raw[s]! + points;
  if (st.rec && reason !== null && points !== 0) st.rec.contributions[s]!.push({ factor, label, points, reason });
}

function block(st: EvalState, strategies: readonly number[], rule: string, fields: readonly AnswerField[], message: string | null): void {
  for (const s of strategies) st.blocked[s] = 1;
  if (st.rec && message !== null) {
    for (const s of strategies) st.rec.blockedBy[s]!.push({ rule, message });
    st.rec.constraints.push({ id: rule, level: "hard", strategies: strategies.map((s) => STRATEGIES[s]!), fields: fields.slice(), message, source: null });
  }
}

function soft(st: EvalState, rule: string, label: string, pts: Pts, fields: readonly AnswerField[], message: string | null, source: string | null): void {
  add(st, rule, label, pts, message);
  if (st.rec && message !== null) {
    const affected: StrategyId[] = [];
    for (let s = 0; s < N_STRATEGIES; s++) if (pts[s] !== 0) affected.push(STRATEGIES[s]!);
    st.rec.constraints.push({ id: rule, level: "soft", strategies: affected, fields: fields.slice(), message, source });
  }
}

function advisory(st: EvalState, rule: string, strategies: readonly number[], fields: readonly AnswerField[], message: string, source: string | null): void {
  st.rec?.constraints.push({ id: rule, level: "advisory", strategies: strategies.map((s) => STRATEGIES[s]!), fields: fields.slice(), message, source });
}

const known = (v: number): boolean => v === v; // not NaN

// ---------------------------------------------------------------------------------------------
// Factor tables (points for [batch, realtime, async, streaming, hybrid, edge])
// ---------------------------------------------------------------------------------------------

const CONSUMER_PTS: readonly Pts[] = [
  [-5, 15, -20, -10, 10, 5], // user-request
  [-5, 15, 0, -5, 5, -25], // service-request
  [-5, -10, 5, 20, -5, -25], // event-pipeline
  [15, -10, 15, -5, -5, -25], // human-later
  [25, -15, -5, -10, -10, -30], // report
];
const CONSUMER_REASONS = [
  "A person waits on each request, so the prediction must be produced (or looked up) in the request path.",
  "Another service calls synchronously and waits for the prediction in its own request path; a device runtime does not apply.",
  "Predictions feed an event pipeline: scoring each event as it arrives fits; a synchronous endpoint or a device runtime adds little.",
  "A person looks at the predictions later, so they can be computed ahead of time or queued; nothing needs to run on a device.",
  "Predictions feed a report read later: bulk precomputation fits best; an always-on endpoint or a device runtime buys nothing.",
];

export const LATENCY_TIERS_MS = [50, 1_000, 60_000, 3_600_000] as const;
const LATENCY_PTS: readonly Pts[] = [
  [-10, 10, -30, -20, 10, 15],
  [-5, 10, -15, -10, 5, 5],
  [0, 5, 5, 0, 0, 0],
  [5, -5, 15, 5, -5, -5],
  [10, -10, 10, 5, -10, -5],
];
const LATENCY_REASONS = [
  "leaves no room for queues or cross-network hops: only a warm endpoint, a precomputed lookup or on-device inference fit.",
  "needs a synchronous path (an endpoint or a precomputed lookup); queues and streams are too slow.",
  "allows a synchronous endpoint or a fast queue.",
  "suits queued (asynchronous) processing; an always-on endpoint is more than needed.",
  "means nobody is waiting: scheduled or queued processing fits.",
];

export const STALENESS_TIERS_S = [1, 60, 3_600, 86_400] as const;
const STALENESS_PTS: readonly Pts[] = [
  [-30, 15, 0, -10, -10, 10],
  [-20, 5, 0, 15, -5, 5],
  [-5, 0, 0, 10, 5, 0],
  [10, -5, 0, -5, 10, 0],
  [20, -10, 0, -10, 5, 0],
];
const STALENESS_REASONS = [
  "predictions must reflect the latest state when used, so they cannot be computed long in advance.",
  "scoring events as they arrive (streaming) or on request fits; scheduled batches are too slow.",
  "frequent refreshes, streaming or a cached precompute keep up.",
  "scheduled batch runs keep predictions fresh enough.",
  "a daily or less frequent batch run is enough.",
];

const FRESHNESS_PTS: readonly Pts[] = [
  [0, 15, 5, -5, -20, 5], // request (batch is hard-blocked separately)
  [-20, 10, 0, 15, -5, 0], // seconds
  [-5, 5, 0, 10, 5, 0], // minutes
  [10, 0, 0, -5, 10, 0], // hours
  [20, -5, 0, -15, 5, 0], // daily
];
const FRESHNESS_REASONS = [
  "The model needs inputs that only exist at request time, so predictions cannot be computed ahead of time.",
  "Inputs change within seconds: precomputed predictions go stale quickly; event-driven or on-request scoring keeps up.",
  "Inputs change within minutes: streaming or frequent refreshes keep up.",
  "Inputs change hourly: periodic precomputation keeps up.",
  "Inputs change daily: one run a day captures every change.",
];

const SOURCE_PTS: readonly Pts[] = [
  [-5, 10, 5, -10, 5, -10], // http-request
  [-5, -5, 0, 20, -5, -20], // event-stream
  [15, -5, 0, -5, 5, -20], // database-table
  [10, -10, 10, -10, -5, -20], // files
  [-10, 0, -5, -10, -5, 20], // device
];
const SOURCE_REASONS = [
  "Inputs arrive with each HTTP request.",
  "Inputs arrive as events on a stream: a stream processor consumes them natively.",
  "Inputs sit in a database table: a scheduled job reads them in bulk efficiently; a device cannot reach them.",
  "Inputs arrive as files: bulk jobs or queued processing handle them; synchronous endpoints, streams and devices fit poorly.",
  "Inputs originate on the device: scoring there avoids a network round trip.",
];

const DELIVERY_PTS: readonly Pts[] = [
  [-10, 10, -10, -10, 5, 5], // response
  [-5, -5, 20, 5, -5, -5], // callback
  [10, -10, -5, 10, 0, -10], // table
  [15, -10, 5, -10, -5, -10], // file
];
const DELIVERY_REASONS = [
  "Results are returned in the response to the caller.",
  "Results are delivered by callback or polling: the natural shape of an asynchronous endpoint.",
  "Results are written to a table for lookup: batch jobs and stream processors write there natively.",
  "Results are delivered as files: the natural output of a batch job.",
];

const ALL = [B, R, A, S, H, E] as const;
const ONLY_B = [B] as const;
const ONLY_R = [R] as const;
const NOT_EDGE = [B, R, A, S, H] as const;

const L_CONSUMER = "Who consumes the predictions";
const L_LATENCY = "Latency budget";
const L_STALENESS = "Allowed staleness";
const L_FRESHNESS = "Freshest input needed";
const L_ENUM = "Inputs known in advance";
const L_SOURCE = "Where inputs come from";
const L_DELIVERY = "How results are delivered";
const L_FALLBACK = "Stale fallback acceptable";
const L_CRIT = "Criticality";
const L_OFFLINE = "Offline / on-device requirement";
const L_PAYLOAD = "Payload size";
const L_PROCESSING = "Processing time";
const L_TRAFFIC = "Traffic shape";
const L_ACTIVE = "Share of entities needing predictions";
const L_BATCHRUN = "Batch run length";
const L_EDGE = "Fit on devices";
const L_COST = "Cost against budget";
const L_COMPLEXITY = "Operational burden";

export function tierIndex(v: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && v >= bounds[i]!) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Estimates
// ---------------------------------------------------------------------------------------------

// Tiny memo for the Erlang C sizing: flips re-evaluate with identical queue inputs many times.
const CACHE_SLOTS = 8;
const cacheKeys = new Float64Array(CACHE_SLOTS * 3).fill(NaN);
const cacheVals: (ReplicaSizing | null)[] = new Array<ReplicaSizing | null>(CACHE_SLOTS).fill(null);
let cacheNext = 0;
function sizing(lambda: number, serviceS: number, waitS: number): ReplicaSizing {
  for (let i = 0, j = 0; i < CACHE_SLOTS; i++, j += 3) {
    if (cacheKeys[j] === lambda && cacheKeys[j + 1] === serviceS && cacheKeys[j + 2] === waitS) return cacheVals[i]!;
  }
  const r = replicasForWaitBudget(lambda, serviceS, waitS, ASSUMPTIONS.waitExceedTarget);
  const slot = cacheNext;
  cacheNext = (cacheNext + 1) % CACHE_SLOTS;
  cacheKeys[slot * 3] = lambda;
  cacheKeys[slot * 3 + 1] = serviceS;
  cacheKeys[slot * 3 + 2] = waitS;
  cacheVals[slot] = r;
  return r;
}

function computeEstimates(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const p = st.prices;
  const hours = ASSUMPTIONS.hoursPerMonth;
  const gpu = x[I_GPU] === 1;
  const replicaHour = gpu ? p.gpuReplicaHourUsd : p.cpuReplicaHourUsd;
  const workerHour = gpu ? p.batchGpuWorkerHourUsd : p.batchCpuWorkerHourUsd;
  const processingMs = x[I_PROCESSING]!;
  const serviceS = processingMs / 1000;
  const budgetMs = x[I_LATENCY]!;
  const peak = x[I_PEAK]!;
  const avg = x[I_AVG]!;
  const idle = known(x[I_IDLE]!) ? x[I_IDLE]! : 0;
  const activeFrac = (24 - idle) / 24;
  const idleFrac = idle / 24;
  const model = known(x[I_MODEL]!) ? x[I_MODEL]! : 0;
  const crit = x[I_CRITICALITY]!;
  const minReplicas = crit >= 2 ? ASSUMPTIONS.minReplicasCritical : 1;
  const secondsPerMonth = hours * 3600;
  e.rtMinReplicas = minReplicas;

  // --- read by the rule sections: scale-to-zero admissibility (idle hours) and the batch run length ---
  e.rtColdStartS = (gpu ? ASSUMPTIONS.coldStartBaseGpuS : ASSUMPTIONS.coldStartBaseCpuS) + ASSUMPTIONS.coldStartPerGbS * model;
  const tol = x[I_COLD]!;
  e.rtScaleToZeroAllowed = known(tol) && tol >= e.rtColdStartS;
  const entities = x[I_ENTITIES]!;
  const staleness = x[I_STALENESS]!;
  const overhead = ASSUMPTIONS.batchOverheadSeconds;
  if (known(entities) && known(serviceS)) {
    e.bWorkSeconds = entities * serviceS;
    let window: number = ASSUMPTIONS.batchTargetWindowSeconds;
    if (known(staleness)) window = Math.min(window, Math.max(60, staleness / 2));
    e.bWorkers = Math.min(ASSUMPTIONS.batchMaxWorkers, Math.max(1, Math.ceil(e.bWorkSeconds / window)));
    e.bDurationS = overhead + e.bWorkSeconds / e.bWorkers;
  } else {
    e.bWorkSeconds = NaN;
    e.bWorkers = NaN;
    e.bDurationS = NaN;
  }

  // Everything else feeds only the cost-vs-budget factor and the explained output: the fast path
  // (no recorder) stops here when the budget is unknown.
  if (st.rec === null && !known(x[I_BUDGET]!)) return;

  // --- realtime (M/M/c at peak, Erlang C) ---
  const waitS = (budgetMs - processingMs) / 1000;
  e.rtServiceS = serviceS;
  e.rtLambda = peak;
  e.rtWaitBudgetS = waitS;
  e.rtSizingPeak = null;
  if (known(serviceS) && known(budgetMs) && waitS > 0 && known(peak)) {
    const sp = sizing(peak, serviceS, waitS);
    e.rtSizingPeak = sp;
    e.rtReplicas = Math.max(minReplicas, sp.replicas);
    // Replicas at the average rate: the peak fleet scaled down to the average load at the same
    // utilisation (conservative: Erlang C economies of scale would allow slightly fewer).
    const av = known(avg) ? avg : peak;
    e.rtReplicasAvg = Math.max(minReplicas, peak > 0 ? Math.ceil((sp.replicas * av) / peak) : 1);
    const activeReplicas = (e.rtReplicas + e.rtReplicasAvg) / 2;
    e.rtCostAlwaysOn = replicaHour * hours * (activeFrac * activeReplicas + idleFrac * minReplicas);
    const memGb = Math.max(1, ASSUMPTIONS.serverlessMemoryPerModelGb * model);
    if (!gpu && memGb <= PLATFORM_LIMITS.serverlessMaxMemoryGB) {
      e.rtScaleToZeroMethod = "serverless-gb-seconds";
      e.rtCostScaleToZero = av * activeFrac * secondsPerMonth * serviceS * memGb * p.serverlessGbSecondUsd;
    } else {
      e.rtScaleToZeroMethod = "replica-hours-while-active";
      e.rtCostScaleToZero = replicaHour * hours * activeFrac * activeReplicas;
    }
    e.rtServing = e.rtScaleToZeroAllowed && e.rtCostScaleToZero < e.rtCostAlwaysOn ? 1 : 0;
    e.cost[R] = e.rtServing === 1 ? e.rtCostScaleToZero : e.rtCostAlwaysOn;
    e.rtP99Ms = processingMs + sp.waitP99S * 1000;
  } else {
    e.cost[R] = NaN;
    e.rtP99Ms = known(processingMs) ? processingMs : NaN;
  }
  e.p99Ms[R] = e.rtP99Ms;

  // --- batch (work, workers and run length above) ---
  const durForCadence = known(e.bDurationS) ? e.bDurationS : overhead;
  if (known(staleness)) {
    const room = staleness - durForCadence;
    let cadence = NaN;
    if (room > 0) {
      const cads = ASSUMPTIONS.batchCadencesSeconds;
      for (let i = 0; i < cads.length; i++) {
        if (cads[i]! <= room) {
          cadence = cads[i]!;
          break;
        }
      }
      if (!known(cadence)) cadence = room;
    }
    e.bCadenceS = cadence;
    e.bCadenceKnown = true;
  } else {
    e.bCadenceS = ASSUMPTIONS.defaultCadenceSeconds;
    e.bCadenceKnown = false;
  }
  if (known(e.bCadenceS)) {
    e.bWorstStalenessS = known(e.bDurationS) ? e.bCadenceS + e.bDurationS : NaN;
    e.bRunsPerMonth = secondsPerMonth / e.bCadenceS;
  } else {
    e.bWorstStalenessS = NaN;
    e.bRunsPerMonth = NaN;
  }
  const active = x[I_ACTIVE]!;
  e.bWastedPerRun = known(entities) && known(active) ? Math.round((1 - active / 100) * entities) : NaN;
  e.bCost = e.bRunsPerMonth * e.bWorkers * (e.bDurationS / 3600) * workerHour;
  e.cost[B] = e.bCost;
  e.p99Ms[B] = ASSUMPTIONS.lookupLatencyMs;

  // --- async ---
  if (known(serviceS) && known(peak)) {
    const av = known(avg) ? avg : peak;
    e.aWorkersAvg = Math.ceil((av * serviceS) / ASSUMPTIONS.asyncTargetUtilisation);
    e.aWorkersPeak = Math.max(1, Math.ceil((peak * serviceS) / ASSUMPTIONS.asyncTargetUtilisation));
    e.aMessagesPerMonth = av * activeFrac * secondsPerMonth;
    e.aCost =
      replicaHour * hours * activeFrac * ((e.aWorkersAvg + e.aWorkersPeak) / 2) +
      (e.aMessagesPerMonth / 1e6) * p.queuePerMillionMessagesUsd;
  } else {
    e.aWorkersAvg = NaN;
    e.aWorkersPeak = NaN;
    e.aMessagesPerMonth = NaN;
    e.aCost = NaN;
  }
  e.aP99Ms = processingMs + ASSUMPTIONS.asyncOverheadMs;
  e.cost[A] = e.aCost;
  e.p99Ms[A] = e.aP99Ms;

  // --- streaming ---
  if (known(serviceS) && known(peak)) {
    e.sConsumers = Math.max(1, Math.ceil((peak * serviceS) / ASSUMPTIONS.streamTargetUtilisation));
    e.sShards = Math.max(1, Math.ceil(peak / ASSUMPTIONS.streamRecordsPerShardPerSecond));
    e.sCost = hours * (e.sConsumers * replicaHour + e.sShards * p.streamShardHourUsd);
  } else {
    e.sConsumers = NaN;
    e.sShards = NaN;
    e.sCost = NaN;
  }
  e.sP99Ms = processingMs + ASSUMPTIONS.streamOverheadMs;
  e.cost[S] = e.sCost;
  e.p99Ms[S] = e.sP99Ms;

  // --- hybrid: precomputed store + live path for misses ---
  const enumerable = x[I_ENUMERABLE];
  e.hHitRate = enumerable === 0 ? ASSUMPTIONS.hybridHitRateNotEnumerable : ASSUMPTIONS.hybridHitRateEnumerable;
  e.hLambda = known(peak) ? peak * (1 - e.hHitRate) : NaN;
  if (known(serviceS) && known(budgetMs) && waitS > 0 && known(peak)) {
    const hs = sizing(e.hLambda, serviceS, waitS);
    e.hSizing = hs;
    e.hReplicas = Math.max(minReplicas, hs.replicas);
    const av = known(avg) ? avg : peak;
    const replicasAvg = Math.max(minReplicas, peak > 0 ? Math.ceil((hs.replicas * av) / peak) : 1);
    const activeReplicas = (e.hReplicas + replicasAvg) / 2;
    e.hLiveCost = replicaHour * hours * (activeFrac * activeReplicas + idleFrac * minReplicas);
    e.hP99Ms = e.hHitRate >= 0.99 ? ASSUMPTIONS.lookupLatencyMs : processingMs + hs.waitP99S * 1000;
  } else {
    e.hSizing = null;
    e.hReplicas = NaN;
    e.hLiveCost = NaN;
    e.hP99Ms = known(processingMs) ? processingMs : NaN;
  }
  e.hBatchCost = e.bCost;
  e.hLookupCost = known(avg) || known(peak) ? (((known(avg) ? avg : peak) * activeFrac * secondsPerMonth) / 1e6) * p.keyValuePerMillionReadsUsd : NaN;
  e.hCost = e.hLiveCost + e.hBatchCost + e.hLookupCost;
  e.cost[H] = e.hCost;
  e.p99Ms[H] = e.hP99Ms;

  // --- edge ---
  e.eP99Ms = processingMs * ASSUMPTIONS.edgeSlowdown;
  e.eCost = 0;
  e.cost[E] = 0;
  e.p99Ms[E] = e.eP99Ms;
}

// ---------------------------------------------------------------------------------------------
// Moving parts (complexity axis)
// ---------------------------------------------------------------------------------------------

const PARTS_BATCH = ["scheduler", "batch compute job", "results store"] as const;
const PARTS_RT_ALWAYS_ON = ["always-on endpoint", "autoscaler"] as const;
const PARTS_RT_SERVERLESS = ["serverless endpoint", "autoscaler"] as const;
const PARTS_ASYNC = ["queue", "worker endpoint", "autoscaler", "result store + callback"] as const;
const PARTS_STREAM = ["stream (broker)", "stream processor", "results sink"] as const;
const PARTS_HYBRID = ["scheduler", "batch compute job", "fallback store", "always-on endpoint", "autoscaler", "routing logic"] as const;
const PARTS_EDGE = ["model packaging for devices", "on-device runtime", "model update channel"] as const;

/** Number of moving parts of strategy `s`; the list is recorded only when explaining. (No closures: hot path.) */
function movingParts(st: EvalState, s: number): number {
  const fr = st.x[I_FRESHNESS]!;
  const featureStore = fr === 0 || fr === 1; // request/seconds features need an online feature store
  const streamState = fr === 1 || fr === 2;
  let base: readonly string[];
  let extra: string | null = null;
  switch (s) {
    case B:
      base = PARTS_BATCH;
      break;
    case R:
      base = st.est.rtServing === 1 ? PARTS_RT_SERVERLESS : PARTS_RT_ALWAYS_ON;
      if (featureStore) extra = "online feature store";
      break;
    case A:
      base = PARTS_ASYNC;
      break;
    case S:
      base = PARTS_STREAM;
      if (streamState) extra = "stateful feature computation";
      break;
    case H:
      base = PARTS_HYBRID;
      if (featureStore) extra = "online feature store";
      break;
    default:
      base = PARTS_EDGE;
  }
  if (st.rec) {
    const list = base.slice();
    if (extra !== null) list.push(extra);
    st.est.movingParts[s] = list;
  }
  return base.length + (extra === null ? 0 : 1);
}

export function complexityLevel(parts: number): "low" | "medium" | "high" {
  return parts <= 3 ? "low" : parts <= 5 ? "medium" : "high";
}

// ---------------------------------------------------------------------------------------------
// evaluate
// ---------------------------------------------------------------------------------------------

// Point vectors and field lists of the rules below, allocated once (evaluate runs in hot loops).
const PTS_ENUMERABLE_YES: Pts = [10, 0, 0, 0, 10, 0];
const PTS_ENUMERABLE_NO: Pts = [0, 5, 0, 5, -15, 0];
const PTS_FALLBACK_YES: Pts = [0, 0, 0, 0, 15, 0];
const PTS_FALLBACK_NO: Pts = [0, 0, 0, 0, -10, 0];
const PTS_CRITICALITY_LOW: Pts = [5, -5, 0, -5, -5, 0];
const PTS_CRITICALITY_HIGH_FALLBACK: Pts = [0, 0, 0, 0, 10, 0];
const PTS_OFFLINE_YES: Pts = [0, 0, 0, 0, 0, 30];
const PTS_OFFLINE_NO: Pts = [0, 0, 0, 0, 0, -15];
const PTS_SYNC_PAYLOAD_OVER_1GB: Pts = [5, -90, 0, -10, -30, -10];
const PTS_ASYNC_PAYLOAD_LIMIT: Pts = [5, 0, -20, 0, 0, 0];
const PTS_SYNC_PAYLOAD_OVER_6MB: Pts = [5, -50, 10, -10, -30, -10];
const PTS_PAYLOAD_OVER_1MB: Pts = [0, -5, 5, -5, 0, 0];
const PTS_SYNC_TIMEOUT_OVER_1H: Pts = [5, -50, 0, -10, -30, -10];
const PTS_ASYNC_TIMEOUT: Pts = [10, 0, -30, 0, 0, 0];
const PTS_SYNC_TIMEOUT_OVER_60S: Pts = [5, -50, 15, -10, -30, -10];
const PTS_PROCESSING_OVER_10S: Pts = [0, -5, 10, -5, 0, 0];
const PTS_HYBRID_LIVE_PATH_TOO_SLOW: Pts = [0, 0, 0, 0, -15, 0];
const PTS_TRAFFIC_BURSTINESS: Pts = [0, -5, 5, 0, 0, 0];
const PTS_TRAFFIC_VOLUME: Pts = [5, -10, 5, -10, -5, 0];
const PTS_IDLE_HOURS: Pts = [0, -5, 0, -5, -5, 0];
const PTS_ACTIVE_UNDER_10: Pts = [-15, 0, 0, 0, 5, 0];
const PTS_ACTIVE_UNDER_50: Pts = [-5, 0, 0, 0, 5, 0];
const PTS_ACTIVE_OVER_80: Pts = [5, 0, 0, 0, 0, 0];
const PTS_BATCH_CADENCE_BELOW_15MIN: Pts = [-20, 0, 0, 0, 0, 0];
const PTS_EDGE_MODEL_OVER_1GB: Pts = [0, 0, 0, 0, 0, -20];
const PTS_EDGE_MODEL_OVER_200MB: Pts = [0, 0, 0, 0, 0, -5];
const PTS_NEEDS_GPU: Pts = [0, 0, 0, 0, 0, -10];
const R_AND_S = [R, S] as const;
const F_FEATURE_FRESHNESS: readonly AnswerField[] = ["featureFreshness"];
const F_INPUTS_ENUMERABLE: readonly AnswerField[] = ["inputsEnumerable"];
const F_OFFLINE_OR_ON_DEVICE: readonly AnswerField[] = ["offlineOrOnDevice"];
const F_PAYLOAD_MB: readonly AnswerField[] = ["payloadMB"];
const F_PROCESSING_TIME_MS: readonly AnswerField[] = ["processingTimeMs"];
const F_PROCESSING_LATENCY: readonly AnswerField[] = ["processingTimeMs", "latencyBudgetMs"];
const F_BATCH_RUN: readonly AnswerField[] = ["maxStalenessSeconds", "entityCount", "processingTimeMs"];
const F_MAX_STALENESS_SECONDS: readonly AnswerField[] = ["maxStalenessSeconds"];
const F_MODEL_SIZE_GB: readonly AnswerField[] = ["modelSizeGB"];
const F_NEEDS_GPU: readonly AnswerField[] = ["needsGpu"];

// Factor sections of `evaluate`. A probe that changes one answer re-runs only the sections that
// read it (FIELD_SECTIONS); the others were summed once by `fixSections` (see whatif.ts).
export const SEC_CONSUMER = 1 << 0;
export const SEC_LATENCY = 1 << 1;
export const SEC_STALENESS = 1 << 2;
export const SEC_FRESHNESS = 1 << 3;
export const SEC_ENUMERABLE = 1 << 4;
export const SEC_SOURCE = 1 << 5;
export const SEC_DELIVERY = 1 << 6;
export const SEC_FALLBACK = 1 << 7;
export const SEC_OFFLINE = 1 << 8;
export const SEC_PAYLOAD = 1 << 9;
export const SEC_PROCESSING = 1 << 10;
export const SEC_TRAFFIC = 1 << 11;
export const SEC_ACTIVE = 1 << 12;
export const SEC_BATCH_RUN = 1 << 13;
export const SEC_DEVICE_FIT = 1 << 14;
export const SEC_COST = 1 << 15;
export const SEC_COMPLEXITY = 1 << 16;
export const SEC_ALL = (1 << 17) - 1;
/** Sections that read the estimates: computeEstimates runs only when one of them is evaluated. */
const SEC_USES_ESTIMATES = SEC_TRAFFIC | SEC_BATCH_RUN | SEC_COST;

/** Every answer computeEstimates reads for the monthly costs (the cost section reads them all). */
const COST_INPUTS: readonly AnswerField[] = [
  "needsGpu", "processingTimeMs", "latencyBudgetMs", "peakRequestsPerSecond", "avgRequestsPerSecond", "idleHoursPerDay",
  "modelSizeGB", "criticality", "coldStartToleranceSeconds", "entityCount", "maxStalenessSeconds", "inputsEnumerable", "monthlyBudgetUsd",
];

/**
 * The answers each section reads, directly or through an estimate (rtScaleToZeroAllowed for the
 * idle-hours rule, the batch run length, the costs). Keep in step with the sections of
 * `evaluate`: tests/unit/engine/score-sections.test.ts checks every field's partial
 * re-evaluation against a full one.
 */
const SECTION_FIELDS: readonly (readonly [number, readonly AnswerField[]])[] = [
  [SEC_CONSUMER, ["consumer"]],
  [SEC_LATENCY, ["latencyBudgetMs"]],
  [SEC_STALENESS, ["maxStalenessSeconds"]],
  [SEC_FRESHNESS, ["featureFreshness"]],
  [SEC_ENUMERABLE, ["inputsEnumerable"]],
  [SEC_SOURCE, ["inputSource"]],
  [SEC_DELIVERY, ["deliveryMode"]],
  [SEC_FALLBACK, ["fallbackAcceptable", "criticality"]],
  [SEC_OFFLINE, ["offlineOrOnDevice"]],
  [SEC_PAYLOAD, ["payloadMB"]],
  [SEC_PROCESSING, ["processingTimeMs", "latencyBudgetMs", "offlineOrOnDevice"]],
  [SEC_TRAFFIC, ["peakRequestsPerSecond", "avgRequestsPerSecond", "idleHoursPerDay", "coldStartToleranceSeconds", "needsGpu", "modelSizeGB"]],
  [SEC_ACTIVE, ["activeSharePercent"]],
  [SEC_BATCH_RUN, ["maxStalenessSeconds", "entityCount", "processingTimeMs"]],
  [SEC_DEVICE_FIT, ["modelSizeGB", "needsGpu"]],
  [SEC_COST, COST_INPUTS],
  [SEC_COMPLEXITY, ["featureFreshness"]],
];

/** FIELD_SECTIONS[i]: the sections that must be re-evaluated when answer i changes. */
export const FIELD_SECTIONS: Int32Array = (() => {
  const out = new Int32Array(ANSWER_FIELDS.length);
  for (const [sec, fields] of SECTION_FIELDS) for (const f of fields) out[FIELD_INDEX[f]] = out[FIELD_INDEX[f]]! | sec;
  return out;
})();

/**
 * Evaluate every section except `sections` from the base score and keep the result: later
 * `evaluate(st, sections)` calls start from it. Fast path only (no recorder).
 */
export function fixSections(st: EvalState, sections: number): void {
  run(st, SEC_ALL & ~sections, false);
  // (element loops: TypedArray#set costs more than six copies)
  for (let s = 0; s < N_STRATEGIES; s++) {
    st.fixedRaw[s] = st.raw[s]!;
    st.fixedBlocked[s] = st.blocked[s]!;
    st.fixedCostPts[s] = st.costPts[s]!;
  }
}

/**
 * Score every strategy. Returns the index of the recommended strategy (highest clamped score
 * among feasible strategies; ties go to the earlier strategy in STRATEGIES order).
 * With `sections` (fast path only), only those sections are evaluated, on top of the sums kept by
 * the last `fixSections(st, sections)`; the answers the other sections read must not have changed.
 */
export function evaluate(st: EvalState, sections: number = SEC_ALL): number {
  if (sections !== SEC_ALL && st.rec) throw new Error("partial evaluation is for the fast path only");
  return run(st, sections, sections !== SEC_ALL);
}

function run(st: EvalState, sec: number, fromFixed: boolean): number {
  const x = st.x;
  const raw = st.raw;
  const rec = st.rec;
  if (fromFixed) {
    for (let s = 0; s < N_STRATEGIES; s++) {
      raw[s] = st.fixedRaw[s]!;
      st.blocked[s] = st.fixedBlocked[s]!;
      st.costPts[s] = st.fixedCostPts[s]!;
    }
  } else {
    for (let s = 0; s < N_STRATEGIES; s++) {
      raw[s] = BASE_SCORE;
      st.blocked[s] = 0;
      st.costPts[s] = 0;
    }
  }
  if (sec & SEC_USES_ESTIMATES) computeEstimates(st);
  const e = st.est;

  const consumer = x[I_CONSUMER]!;
  const latency = x[I_LATENCY]!;
  const staleness = x[I_STALENESS]!;
  const freshness = x[I_FRESHNESS]!;
  const enumerable = x[I_ENUMERABLE]!;
  const source = x[I_SOURCE]!;
  const delivery = x[I_DELIVERY]!;
  const fallback = x[I_FALLBACK]!;
  const crit = x[I_CRITICALITY]!;
  const offline = x[I_OFFLINE]!;
  const payload = x[I_PAYLOAD]!;
  const processing = x[I_PROCESSING]!;
  const peak = x[I_PEAK]!;
  const avg = x[I_AVG]!;
  const idle = x[I_IDLE]!;
  const activeShare = x[I_ACTIVE]!;
  const model = x[I_MODEL]!;
  const budget = x[I_BUDGET]!;

  // 1. consumer
  if (sec & SEC_CONSUMER) {
    if (consumer >= 0) add(st, "consumer", L_CONSUMER, CONSUMER_PTS[consumer]!, CONSUMER_REASONS[consumer]!);
  }

  // 2. latency budget
  if (sec & SEC_LATENCY) {
    if (known(latency)) {
      const t = tierIndex(latency, LATENCY_TIERS_MS);
      add(st, "latency-budget", L_LATENCY, LATENCY_PTS[t]!, rec ? `A p99 budget of ${formatDurationMs(latency)} ${LATENCY_REASONS[t]}` : null);
      rec?.nearCheck("latencyBudgetMs", latency, LATENCY_TIERS_MS, "latency-budget");
    }
  }

  // 3. staleness
  if (sec & SEC_STALENESS) {
    if (known(staleness)) {
      const t = tierIndex(staleness, STALENESS_TIERS_S);
      add(st, "staleness", L_STALENESS, STALENESS_PTS[t]!, rec ? `With ${formatDurationSeconds(staleness)} of staleness allowed, ${STALENESS_REASONS[t]}` : null);
      rec?.nearCheck("maxStalenessSeconds", staleness, STALENESS_TIERS_S, "staleness");
    }
  }

  // 4. feature freshness
  if (sec & SEC_FRESHNESS) {
    if (freshness >= 0) {
      add(st, "feature-freshness", L_FRESHNESS, FRESHNESS_PTS[freshness]!, FRESHNESS_REASONS[freshness]!);
      if (freshness === 0)
        block(st, ONLY_B, "request-time-features", F_FEATURE_FRESHNESS, rec ? "The model needs request-time inputs, so predictions cannot be computed before the request: pure batch is impossible." : null);
    }
  }

  // 5. enumerable inputs
  if (sec & SEC_ENUMERABLE) {
    if (enumerable === 1) add(st, "inputs-enumerable", L_ENUM, PTS_ENUMERABLE_YES, "Every input can be enumerated before it is needed, so predictions can be precomputed.");
    else if (enumerable === 0) {
      add(st, "inputs-enumerable", L_ENUM, PTS_ENUMERABLE_NO, "Inputs cannot be enumerated in advance: a precomputed layer can only cover part of the traffic.");
      block(st, ONLY_B, "inputs-not-enumerable", F_INPUTS_ENUMERABLE, rec ? "Inputs cannot be known before they are needed, so a scheduled batch cannot score them: pure batch is impossible." : null);
    }
  }

  // 6. input source
  if (sec & SEC_SOURCE) {
    if (source >= 0) add(st, "input-source", L_SOURCE, SOURCE_PTS[source]!, SOURCE_REASONS[source]!);
  }

  // 7. delivery
  if (sec & SEC_DELIVERY) {
    if (delivery >= 0) add(st, "delivery-mode", L_DELIVERY, DELIVERY_PTS[delivery]!, DELIVERY_REASONS[delivery]!);
  }

  // 8. fallback + criticality
  if (sec & SEC_FALLBACK) {
    if (fallback === 1)
      add(st, "fallback", L_FALLBACK, PTS_FALLBACK_YES, "A slightly stale precomputed answer may stand in when live scoring fails or is slow: exactly what the hybrid pattern provides.");
    else if (fallback === 0) add(st, "fallback", L_FALLBACK, PTS_FALLBACK_NO, "No stale fallback is acceptable, so a precomputed fallback layer adds cost without a use.");
    if (crit === 0) add(st, "criticality", L_CRIT, PTS_CRITICALITY_LOW, "Low criticality favours the simplest thing that works.");
    else if (crit >= 2 && fallback === 1)
      add(st, "criticality", L_CRIT, PTS_CRITICALITY_HIGH_FALLBACK, "High criticality with an acceptable fallback: a precomputed layer keeps answers flowing when the live path fails.");
  }

  // 9. offline / on-device
  if (sec & SEC_OFFLINE) {
    if (offline === 1) {
      add(st, "offline", L_OFFLINE, PTS_OFFLINE_YES, "Must work without network or keep data on the device: only on-device inference satisfies this.");
      block(st, NOT_EDGE, "offline-required", F_OFFLINE_OR_ON_DEVICE, rec ? "The use case must work offline or keep data on the device; any server-side strategy violates that." : null);
    } else if (offline === 0) {
      add(st, "offline", L_OFFLINE, PTS_OFFLINE_NO, "Nothing requires on-device operation; shipping the model to devices adds release, update and monitoring burden.");
    }
  }

  // 10. payload (documented platform limits)
  if (sec & SEC_PAYLOAD) {
    if (known(payload)) {
      rec?.nearCheck("payloadMB", payload, [PLATFORM_LIMITS.syncPayloadWarnMB, PLATFORM_LIMITS.syncPayloadMB, PLATFORM_LIMITS.asyncPayloadMB], "payload");
      if (payload > PLATFORM_LIMITS.asyncPayloadMB) {
        soft(st, "sync-payload-limit", L_PAYLOAD, PTS_SYNC_PAYLOAD_OVER_1GB, F_PAYLOAD_MB, rec ? `A ${formatMegabytes(payload)} payload exceeds what synchronous endpoints and stream records accept.` : null, LIMIT_SOURCES.syncPayload);
        soft(st, "async-payload-limit", L_PAYLOAD, PTS_ASYNC_PAYLOAD_LIMIT, F_PAYLOAD_MB, rec ? `A ${formatMegabytes(payload)} payload exceeds what queued asynchronous endpoints accept (~1 GB); only bulk jobs reading files handle it.` : null, LIMIT_SOURCES.asyncPayload);
      } else if (payload > PLATFORM_LIMITS.syncPayloadMB) {
        soft(st, "sync-payload-limit", L_PAYLOAD, PTS_SYNC_PAYLOAD_OVER_6MB, F_PAYLOAD_MB, rec ? `A ${formatMegabytes(payload)} payload exceeds what synchronous endpoints (~6 MB) and stream records (~1 MB) accept; queued endpoints stage payloads in object storage.` : null, LIMIT_SOURCES.syncPayload);
      } else if (payload > PLATFORM_LIMITS.syncPayloadWarnMB) {
        add(st, "payload", L_PAYLOAD, PTS_PAYLOAD_OVER_1MB, rec ? `A ${formatMegabytes(payload)} payload is above some synchronous limits (Vertex AI online prediction: 1.5 MB) and stream record limits (~1 MB).` : null);
        if (rec) advisory(st, "payload-over-1mb", R_AND_S, F_PAYLOAD_MB, `A ${formatMegabytes(payload)} payload is above some synchronous and stream record limits; check the chosen platform.`, LIMIT_SOURCES.syncPayloadWarn);
      }
    }
  }

  // 11. processing time
  if (sec & SEC_PROCESSING) {
    if (known(processing)) {
      rec?.nearCheck("processingTimeMs", processing, [10_000, PLATFORM_LIMITS.syncTimeoutMs, PLATFORM_LIMITS.asyncTimeoutMs], "processing-time");
      if (processing > PLATFORM_LIMITS.asyncTimeoutMs) {
        soft(st, "sync-timeout", L_PROCESSING, PTS_SYNC_TIMEOUT_OVER_1H, F_PROCESSING_TIME_MS, rec ? `${formatDurationMs(processing)} per prediction exceeds synchronous request timeouts (~60 s).` : null, LIMIT_SOURCES.syncTimeout);
        soft(st, "async-timeout", L_PROCESSING, PTS_ASYNC_TIMEOUT, F_PROCESSING_TIME_MS, rec ? `${formatDurationMs(processing)} per prediction exceeds the ~1 h limit of queued asynchronous endpoints; only batch jobs run that long.` : null, LIMIT_SOURCES.asyncTimeout);
      } else if (processing > PLATFORM_LIMITS.syncTimeoutMs) {
        soft(st, "sync-timeout", L_PROCESSING, PTS_SYNC_TIMEOUT_OVER_60S, F_PROCESSING_TIME_MS, rec ? `${formatDurationMs(processing)} per prediction exceeds synchronous request timeouts (~60 s); queued asynchronous endpoints allow up to ~1 h.` : null, LIMIT_SOURCES.syncTimeout);
      } else if (processing >= 10_000) {
        add(st, "processing-time", L_PROCESSING, PTS_PROCESSING_OVER_10S, rec ? `${formatDurationMs(processing)} per prediction holds a connection and a replica per request; a queue decouples the caller.` : null);
      }
      if (known(latency)) {
        rec?.nearCheck("processingTimeMs", processing, [latency], "processing-exceeds-budget");
        rec?.nearCheck("latencyBudgetMs", latency, [processing], "processing-exceeds-budget");
        if (processing >= latency) {
          block(st, ONLY_R, "processing-exceeds-budget", F_PROCESSING_LATENCY, rec ? `Processing alone takes ${formatDurationMs(processing)}, at or above the ${formatDurationMs(latency)} latency budget: no synchronous endpoint can meet it.` : null);
          soft(st, "hybrid-live-path-too-slow", L_PROCESSING, PTS_HYBRID_LIVE_PATH_TOO_SLOW, F_PROCESSING_LATENCY, rec ? "Requests that miss the precomputed store would take longer than the latency budget on the live path." : null, null);
        }
        if (processing * ASSUMPTIONS.edgeSlowdown >= latency && offline !== 1)
          soft(st, "edge-device-latency", L_EDGE, PTS_OFFLINE_NO, F_PROCESSING_LATENCY, rec ? `On a device (assumed ${ASSUMPTIONS.edgeSlowdown}x slower than a server) a prediction would take ~${formatDurationMs(processing * ASSUMPTIONS.edgeSlowdown)}, beyond the budget.` : null, null);
      }
    }
  }

  // 12. traffic shape
  if (sec & SEC_TRAFFIC) {
    if (known(peak) && known(avg) && avg > 0 && peak >= 10 * avg)
      add(st, "traffic-burstiness", L_TRAFFIC, PTS_TRAFFIC_BURSTINESS, rec ? `Traffic is bursty (peak ${formatNumber(peak / avg, 1)}x the average): a queue absorbs spikes; an endpoint must be provisioned for the peak.` : null);
    if (known(peak) && peak < 0.01)
      add(st, "traffic-volume", L_TRAFFIC, PTS_TRAFFIC_VOLUME, rec ? `At most ${formatNumber(peak, 4)} requests per second: an always-on endpoint or stream processor would sit idle almost all the time.` : null);
    if (known(idle) && idle >= 12 && !e.rtScaleToZeroAllowed) {
      add(st, "idle-hours", L_TRAFFIC, PTS_IDLE_HOURS, rec ? `Idle ${formatNumber(idle, 1)} h a day and cold starts (~${formatDurationSeconds(e.rtColdStartS)}) not tolerated: always-on replicas are paid while idle.` : null);
      rec?.nearCheck("idleHoursPerDay", idle, [12], "idle-hours");
    }
  }

  // 13. share of entities needing predictions (wasted batch work)
  if (sec & SEC_ACTIVE) {
    if (known(activeShare)) {
      rec?.nearCheck("activeSharePercent", activeShare, [10, 50, 80], "active-share");
      if (activeShare < 10)
        add(st, "active-share", L_ACTIVE, PTS_ACTIVE_UNDER_10, rec ? `Only ${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full batch run wastes most of its work.` : null);
      else if (activeShare < 50)
        add(st, "active-share", L_ACTIVE, PTS_ACTIVE_UNDER_50, rec ? `${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full batch run wastes over half of its work.` : null);
      else if (activeShare >= 80)
        add(st, "active-share", L_ACTIVE, PTS_ACTIVE_OVER_80, rec ? `${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full run wastes little.` : null);
    }
  }

  // 14. batch run length vs allowed staleness
  if (sec & SEC_BATCH_RUN) {
    if (known(staleness)) {
      const dur = known(e.bDurationS) ? e.bDurationS : ASSUMPTIONS.batchOverheadSeconds;
      if (dur >= staleness) {
        block(st, ONLY_B, "batch-run-exceeds-staleness", F_BATCH_RUN,
          rec ? `One batch run takes ~${formatDurationSeconds(dur)}${known(e.bDurationS) ? "" : " (scheduling overhead alone)"}, at or above the ${formatDurationSeconds(staleness)} staleness allowed: predictions would be stale before the run ends.` : null);
        soft(st, "hybrid-precompute-stale", L_BATCHRUN, PTS_FALLBACK_NO, F_MAX_STALENESS_SECONDS, rec ? "The precomputed layer of a hybrid cannot be refreshed within the allowed staleness; only its live path would be fresh." : null, null);
      } else if (staleness - dur < ASSUMPTIONS.microBatchCadenceSeconds) {
        soft(st, "batch-cadence-below-15min", L_BATCHRUN, PTS_BATCH_CADENCE_BELOW_15MIN, F_MAX_STALENESS_SECONDS, rec ? `To stay within ${formatDurationSeconds(staleness)} of staleness the batch would have to run every ${formatDurationSeconds(staleness - dur)}: that is micro-batching, better served by streaming or on-request scoring.` : null, null);
      }
      if (rec && known(e.bDurationS)) rec.nearCheck("maxStalenessSeconds", staleness, [e.bDurationS, e.bDurationS + ASSUMPTIONS.microBatchCadenceSeconds], "batch-run-length");
    }
  }

  // 15. fit on devices
  if (sec & SEC_DEVICE_FIT) {
    if (known(model)) {
      rec?.nearCheck("modelSizeGB", model, [0.2, PLATFORM_LIMITS.edgeModelGB], "edge-model-size");
      if (model > PLATFORM_LIMITS.edgeModelGB)
        soft(st, "edge-model-size", L_EDGE, PTS_EDGE_MODEL_OVER_1GB, F_MODEL_SIZE_GB, rec ? `A ${formatNumber(model, 2)} GB model is too large to ship comfortably to phones or browsers.` : null, LIMIT_SOURCES.edgeModel);
      else if (model > 0.2) add(st, "edge-model-size", L_EDGE, PTS_EDGE_MODEL_OVER_200MB, rec ? `A ${formatNumber(model, 2)} GB model is sizeable for a device download.` : null);
    }
    if (x[I_GPU] === 1) {
      add(st, "needs-gpu", L_EDGE, PTS_NEEDS_GPU, "The model needs a GPU: device accelerators vary widely, and GPU replicas make idle endpoints expensive.");
      if (e.rtScaleToZeroMethod === "replica-hours-while-active" && rec)
        advisory(st, "serverless-no-gpu", ONLY_R, F_NEEDS_GPU, "Serverless (scale-to-zero) endpoints commonly offer no GPUs; scale-to-zero would need an autoscaled GPU deployment with a minimum of zero replicas.", LIMIT_SOURCES.serverless);
    }
  }

  // 16. cost against budget
  if (sec & SEC_COST) {
    if (known(budget)) {
      for (let s = 0; s < N_STRATEGIES; s++) {
        const c = e.cost[s]!;
        if (!known(c)) continue;
        const ratio = budget > 0 ? c / budget : c > 0 ? Infinity : 0;
        if (rec && ratio > 0 && ratio !== Infinity) rec.nearCheck("monthlyBudgetUsd", budget, [c, c / 3, c * 4], "cost-vs-budget");
        const label = rec ? STRATEGY_LABELS[STRATEGIES[s]!] : "";
        if (ratio <= 0.25) addOne(st, s, "cost-vs-budget", L_COST, 5, rec ? `${label}: ~${formatUsd(c)}/month, comfortably within the ${formatUsd(budget)} budget.` : null);
        else if (ratio > 3) {
          addOne(st, s, "cost-over-budget", L_COST, -25, rec ? `${label}: ~${formatUsd(c)}/month, more than 3x the ${formatUsd(budget)} budget.` : null);
          if (rec) rec.constraints.push({ id: "cost-over-budget", level: "soft", strategies: [STRATEGIES[s]!], fields: ["monthlyBudgetUsd"], message: `${label} is estimated at ~${formatUsd(c)}/month, more than 3x the ${formatUsd(budget)} budget.`, source: null });
        } else if (ratio > 1) {
          addOne(st, s, "cost-over-budget", L_COST, -10, rec ? `${label}: ~${formatUsd(c)}/month, over the ${formatUsd(budget)} budget.` : null);
          if (rec) rec.constraints.push({ id: "cost-over-budget", level: "soft", strategies: [STRATEGIES[s]!], fields: ["monthlyBudgetUsd"], message: `${label} is estimated at ~${formatUsd(c)}/month, over the ${formatUsd(budget)} budget.`, source: null });
        }
      }
    }
  }

  // 17. operational burden (complexity)
  if (sec & SEC_COMPLEXITY) {
    for (let s = 0; s < N_STRATEGIES; s++) {
      const parts = movingParts(st, s);
      const pts = parts > 3 ? -2 * (parts - 3) : 0;
        if (pts !== 0)
        addOne(st, s, "complexity", L_COMPLEXITY, pts, rec ? `${parts} moving parts to build and operate (${st.est.movingParts[s]!.join(", ")}); 1 point off per part beyond 3.` : null);
    }
  }
  return pickRecommended(st);
}

export function clampScore(v: number): number {
  return v < 0 ? 0 : v > 100 ? 100 : v;
}

export function pickRecommended(st: EvalState): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let s = 0; s < N_STRATEGIES; s++) {
    if (st.blocked[s]) continue;
    const sc = clampScore(st.raw[s]!);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  if (best === -1) {
    // No feasible strategy (cannot happen with the current rules: edge is never hard-blocked).
    for (let s = 0; s < N_STRATEGIES; s++) {
      const sc = clampScore(st.raw[s]!);
      if (sc > bestScore) {
        best = s;
        bestScore = sc;
      }
    }
  }
  return best;
}

export { ALL as ALL_STRATEGY_INDICES };
