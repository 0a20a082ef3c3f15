/**
 * The quantified estimates (docs/engine.md §4): cold start, batch run length, and per strategy
 * the replicas, workers, latency and monthly cost. Each estimate declares the answers it reads,
 * and the estimates it builds on, so the rules that read its figures are re-evaluated when one of
 * those answers changes (see `FIELD_SECTIONS` in run.ts; checked by tests/unit/engine/score-reads.test.ts).
 */
import type { AnswerField } from "../answers";
import { ASSUMPTIONS, LIMITS } from "../limits";
import { erlangC, erlangCHalfinWhitt, probWaitExceeds, replicasForWaitBudget, waitQuantileS, type ReplicaSizing } from "../queueing";
import { ANSWER_INDEX, known } from "./encode";
import { STRATEGY_INDEX, type EvalState } from "./state";

// Module-local indices (see ANSWER_INDEX in encode.ts).
const {
  I_ACTIVE, I_AVG, I_COLD, I_CRITICALITY, I_ENTITIES, I_ENUMERABLE, I_GPU, I_IDLE, I_LATENCY, I_MODEL,
  I_PAYLOAD, I_PEAK, I_PROCESSING, I_STALENESS
} = ANSWER_INDEX;
const { A, E, H, R, S } = STRATEGY_INDEX;

/** One estimate: the answers it reads on the fast path (figures computed only when explaining may read more). */
export interface Estimate {
  readonly name: string;
  readonly reads: readonly AnswerField[];
  /** Estimates whose figures this one reads (computed before it). */
  readonly uses: readonly Estimate[];
  readonly compute: (st: EvalState) => void;
}

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

/** Cold start, and whether scale-to-zero is allowed (read by the idle-hours rule and the costs). */
function coldStart(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const model = known(x[I_MODEL]!) ? x[I_MODEL]! : 0;
  e.rtColdStartS = (x[I_GPU] === 1 ? ASSUMPTIONS.coldStartBaseGpuS : ASSUMPTIONS.coldStartBaseCpuS) + ASSUMPTIONS.coldStartPerGbS * model;
  const tol = x[I_COLD]!;
  const budgetMs = x[I_LATENCY]!;
  // 2.0.0: a cold start must fit the tolerance AND the request's latency budget (when known).
  e.rtScaleToZeroAllowed = known(tol) && tol >= e.rtColdStartS && !(budgetMs < e.rtColdStartS * 1000);
}

export const COLD_START: Estimate = {
  name: "cold start",
  reads: ["needsGpu", "modelSizeGB", "coldStartToleranceSeconds", "latencyBudgetMs"],
  uses: [],
  compute: coldStart,
};

/**
 * A scheduled batch sized to a cadence (2.0.0): the cadence comes from the allowed staleness first
 * (the longest natural cadence that refreshes at least that often), then the workers needed to
 * finish the (active) entities within min(1 h, cadence / 2). No worker cap: above the usual quota
 * the assessment warns (feasibility stage).
 */
function batchRun(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const entities = x[I_ENTITIES]!;
  const active = x[I_ACTIVE]!;
  const serviceS = x[I_PROCESSING]! / 1000;
  const staleness = x[I_STALENESS]!;
  const overhead = ASSUMPTIONS.batchOverheadSeconds;
  // Cadence from the staleness alone.
  if (known(staleness)) {
    let cadence = staleness;
    const cads = ASSUMPTIONS.batchCadencesSeconds;
    for (let i = 0; i < cads.length; i++) {
      if (cads[i]! <= staleness) {
        cadence = cads[i]!;
        break;
      }
    }
    e.bCadenceS = cadence > 0 ? cadence : NaN;
    e.bCadenceKnown = true;
  } else {
    e.bCadenceS = ASSUMPTIONS.defaultCadenceSeconds;
    e.bCadenceKnown = false;
  }
  e.bRunsPerMonth = known(e.bCadenceS) ? (ASSUMPTIONS.hoursPerMonth * 3600) / e.bCadenceS : NaN;
  // Only the active entities are scored when their share is known.
  const scored = known(entities) ? (known(active) ? Math.ceil((entities * active) / 100) : entities) : NaN;
  e.bEntitiesScored = scored;
  if (known(scored) && known(serviceS) && known(e.bCadenceS)) {
    e.bWorkSeconds = scored * serviceS;
    const window = Math.min(ASSUMPTIONS.batchTargetWindowSeconds, e.bCadenceS / 2);
    // A worker scores at least one item per run; no more workers than items.
    const perWorker = Math.max(window - overhead, serviceS);
    e.bWorkers = Math.max(1, Math.min(Math.max(1, scored), Math.ceil(e.bWorkSeconds / perWorker)));
    e.bDurationS = overhead + e.bWorkSeconds / e.bWorkers;
    e.bWorstStalenessS = e.bCadenceS + e.bDurationS;
    // Only active entities are scored when their share is known: nothing is wasted then.
    e.bWastedPerRun = known(active) ? 0 : NaN;
  } else {
    e.bWorkSeconds = NaN;
    e.bWorkers = NaN;
    e.bDurationS = NaN;
    e.bWorstStalenessS = NaN;
    e.bWastedPerRun = NaN;
  }
}

export const BATCH_RUN: Estimate = {
  name: "batch run",
  reads: ["entityCount", "activeSharePercent", "processingTimeMs", "maxStalenessSeconds"],
  uses: [],
  compute: batchRun,
};

/** Capacity of one replica (2.0.0): the model's memory, units per replica, request slots and GPU batching. */
function replicaShape(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const gpu = x[I_GPU] === 1;
  const model = known(x[I_MODEL]!) ? x[I_MODEL]! : 0;
  const mem = model * LIMITS.modelMemoryOverhead.value;
  e.modelMemoryGB = mem;
  const processingMs = x[I_PROCESSING]!;
  const serviceS = processingMs / 1000;
  const budgetMs = x[I_LATENCY]!;
  if (gpu) {
    // GPUs needed to hold the model; one copy of the model serves batches of requests.
    e.unitsPerReplica = Math.max(1, Math.ceil(mem / LIMITS.gpuMemoryGB.value));
    e.fitsReplica = mem <= LIMITS.maxGpuReplicaMemoryGB.value;
    const continuous = model >= LIMITS.continuousBatchingModelGB.value;
    e.rtBatching = continuous ? 2 : 1;
    const bmax = continuous ? LIMITS.gpuContinuousBatchMax.value : LIMITS.gpuDynamicBatchMax.value;
    const windowMs = continuous ? 0 : LIMITS.dynamicBatchWindowMs.value;
    const alpha = LIMITS.batchSlowdownPerItem.value;
    // Largest batch whose (longer) service time and batching window still leave half the budget
    // for queueing; without a known budget, the largest batch. Independent of traffic (monotone costs).
    let b = bmax;
    if (known(budgetMs) && known(processingMs)) {
      b = 1;
      for (let k = 2; k <= bmax; k *= 2) if (processingMs * (1 + alpha * (k - 1)) + windowMs <= budgetMs / 2) b = k;
    }
    e.rtBatchSize = b;
    e.rtBatchServiceS = serviceS * (1 + alpha * (b - 1));
    e.rtBatchAddedMs = b > 1 ? (e.rtBatchServiceS - serviceS) * 1000 + windowMs : 0;
    e.rtSlotsPerReplica = b;
  } else {
    // CPU: one worker per vCPU; a model larger than one instance's memory needs a larger instance
    // (priced as that many units, with their vCPUs).
    e.unitsPerReplica = Math.max(1, Math.ceil(mem / LIMITS.cpuReplicaMemoryGB.value));
    e.fitsReplica = mem <= LIMITS.maxCpuReplicaMemoryGB.value;
    e.rtBatching = 0;
    e.rtBatchSize = 1;
    e.rtBatchServiceS = serviceS;
    e.rtBatchAddedMs = 0;
    e.rtSlotsPerReplica = LIMITS.cpuConcurrencyPerReplica.value * e.unitsPerReplica;
  }
}

export const REPLICA_SHAPE: Estimate = {
  name: "replica shape",
  reads: ["needsGpu", "modelSizeGB", "processingTimeMs", "latencyBudgetMs"],
  uses: [],
  compute: replicaShape,
};

/** Offered load above which the utilisation target alone sizes the slots (see slotSizing). */
const UTILISATION_SIZED_LOAD = 100;

/**
 * Request slots for arrival rate `lambda` (req/s): enough to meet the latency target (Erlang C)
 * and to stay at or below the target utilisation. Above UTILISATION_SIZED_LOAD Erlangs the
 * utilisation target needs ceil(a / 0.7) >= a + 0.43a slots, i.e. a margin of at least
 * 0.43 sqrt(a) >= 4.3 standard deviations over the load, where Erlang C is below 1e-4 (Halfin-Whitt)
 * whatever the wait budget: the exact O(a) recurrence would return fewer slots, so it is skipped.
 */
function slotSizing(lambda: number, serviceS: number, waitS: number): ReplicaSizing {
  const a = lambda * serviceS;
  const forUtil = Math.ceil(a / LIMITS.targetUtilisation.value);
  if (a > UTILISATION_SIZED_LOAD) {
    const pc = erlangCHalfinWhitt(forUtil, a);
    return { replicas: forUtil, offeredLoad: a, probWait: pc, probWaitExceeds: pc * Math.exp((-(forUtil - a) * Math.max(0, waitS)) / serviceS), waitP99S: 0, approximate: true };
  }
  const sz = sizing(lambda, serviceS, waitS);
  return sz.replicas >= forUtil ? sz : { ...sz, replicas: Math.max(1, forUtil), probWait: erlangC(forUtil, a), probWaitExceeds: probWaitExceeds(forUtil, a, waitS, serviceS), waitP99S: waitQuantileS(forUtil, a, serviceS) };
}

/**
 * `slotSizing(lambda, serviceS, waitS).replicas` alone, for the fast path (probes read the slot
 * count only): the same number without the waiting figures at the utilisation-sized count (three
 * Erlang C recurrences) or an allocation.
 */
function slotCount(lambda: number, serviceS: number, waitS: number): number {
  const a = lambda * serviceS;
  const forUtil = Math.ceil(a / LIMITS.targetUtilisation.value);
  if (a > UTILISATION_SIZED_LOAD) return forUtil;
  const r = sizing(lambda, serviceS, waitS).replicas;
  return r >= forUtil ? r : forUtil;
}

/** Whole replicas for arrival rate `lambda`: the slots over the slots per replica (0 without traffic). */
function replicasFor(lambda: number, serviceS: number, waitS: number, slotsPerReplica: number): number {
  if (!(lambda > 0)) return 0;
  return Math.ceil(slotCount(lambda, serviceS, waitS) / slotsPerReplica);
}

/** Workers for a queue or stream at arrival rate `lambda`: target utilisation only (no latency target). */
function workersFor(lambda: number, serviceS: number, slotsPerReplica: number): number {
  if (!(lambda > 0)) return 0;
  return Math.ceil((lambda * serviceS) / (LIMITS.targetUtilisation.value * slotsPerReplica));
}

/**
 * Replicas, workers, latency and monthly cost of every strategy (2.0.0: always computed: costs are
 * compared across strategies). Monotone non-decreasing in peak and average traffic (property-tested).
 */
function costs(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const p = st.prices;
  const hours = ASSUMPTIONS.hoursPerMonth;
  const gpu = x[I_GPU] === 1;
  const units = e.unitsPerReplica;
  const replicaHour = (gpu ? p.gpuReplicaHourUsd : p.cpuReplicaHourUsd) * units;
  const workerHour = (gpu ? p.batchGpuWorkerHourUsd : p.batchCpuWorkerHourUsd) * units;
  const processingMs = x[I_PROCESSING]!;
  const serviceS = processingMs / 1000;
  const batchS = e.rtBatchServiceS;
  const slots = e.rtSlotsPerReplica;
  const budgetMs = x[I_LATENCY]!;
  const peak = x[I_PEAK]!;
  const avg = x[I_AVG]!;
  const av = known(avg) ? avg : peak;
  const idle = known(x[I_IDLE]!) ? x[I_IDLE]! : 0;
  const activeFrac = (24 - idle) / 24;
  const idleFrac = idle / 24;
  const model = known(x[I_MODEL]!) ? x[I_MODEL]! : 0;
  const critical = x[I_CRITICALITY]! >= 2;
  // N+1: high and critical use cases keep one replica more than the load needs (and at least 2).
  const spare = critical ? 1 : 0;
  const minReplicas = critical ? ASSUMPTIONS.minReplicasCritical : 1;
  const secondsPerMonth = hours * 3600;
  e.rtMinReplicas = minReplicas;
  e.rtNPlusOne = critical;

  // --- realtime (Erlang C over request slots at peak and, separately, at average) ---
  const waitS = (budgetMs - processingMs - e.rtBatchAddedMs) / 1000;
  e.rtServiceS = batchS;
  e.rtLambda = peak;
  e.rtWaitBudgetS = waitS;
  e.rtSizingPeak = null;
  // The fast path (no recorder: probes, recommend) needs the slot counts only, not the waiting figures.
  const explain = st.rec !== null;
  if (known(serviceS) && known(budgetMs) && waitS > 0 && known(peak)) {
    const sp = explain ? slotSizing(peak, batchS, waitS) : null;
    e.rtSizingPeak = sp;
    e.rtReplicas = Math.max(minReplicas, (peak > 0 ? Math.ceil((sp ? sp.replicas : slotCount(peak, batchS, waitS)) / slots) : 0) + spare);
    e.rtReplicasAvg = Math.max(minReplicas, replicasFor(av, batchS, waitS, slots) + spare);
    const activeReplicas = (e.rtReplicas + e.rtReplicasAvg) / 2;
    e.rtCostAlwaysOn = replicaHour * hours * (activeFrac * activeReplicas + idleFrac * minReplicas);
    e.rtCostDedicated = e.rtCostAlwaysOn;
    const memGb = Math.max(1, ASSUMPTIONS.serverlessMemoryPerModelGb * model);
    e.rtScaleToZeroMethod = "serverless-gb-seconds";
    e.rtCostScaleToZero = av * activeFrac * secondsPerMonth * serviceS * memGb * p.serverlessGbSecondUsd;
    e.rtP99Ms = sp ? processingMs + e.rtBatchAddedMs + sp.waitP99S * 1000 : NaN;
  } else {
    e.rtReplicas = NaN;
    e.rtReplicasAvg = NaN;
    e.rtCostAlwaysOn = NaN;
    e.rtCostDedicated = NaN;
    e.rtCostScaleToZero = NaN;
    e.rtScaleToZeroMethod = null;
    e.rtP99Ms = known(processingMs) ? processingMs + e.rtBatchAddedMs : NaN;
  }
  // The serving variant (and so cost[R]) is chosen by the feasibility stage.
  e.p99Ms[R] = e.rtP99Ms;

  // --- batch, scheduled (work, workers, run length and cadence: BATCH_RUN) ---
  e.bScheduledCost = e.bRunsPerMonth * e.bWorkers * (e.bDurationS / 3600) * workerHour;
  // --- batch, per-item triggered job: one job per item (overhead + processing each) ---
  e.bItemsPerMonth = known(av) ? av * activeFrac * secondsPerMonth : NaN;
  e.bPerItemCost = e.bItemsPerMonth * ((ASSUMPTIONS.batchOverheadSeconds + serviceS) / 3600) * workerHour;
  // The batch variant (and so bCost, cost[B] and p99Ms[B]) is chosen by the feasibility stage.

  // --- async: workers sized for the target utilisation; scales to zero when the queue is empty ---
  if (known(serviceS) && known(peak)) {
    e.aWorkersAvg = workersFor(av, batchS, slots);
    e.aWorkersPeak = Math.max(1, workersFor(peak, batchS, slots));
    e.aMessagesPerMonth = av * activeFrac * secondsPerMonth;
    e.aCost = replicaHour * hours * activeFrac * ((e.aWorkersAvg + e.aWorkersPeak) / 2) + (e.aMessagesPerMonth / 1e6) * p.queuePerMillionMessagesUsd;
  } else {
    e.aWorkersAvg = NaN;
    e.aWorkersPeak = NaN;
    e.aMessagesPerMonth = NaN;
    e.aCost = NaN;
  }
  e.aP99Ms = processingMs + e.rtBatchAddedMs + ASSUMPTIONS.asyncOverheadMs;
  e.cost[A] = e.aCost;
  e.p99Ms[A] = e.aP99Ms;

  // --- streaming: consumers for the target utilisation; shards by records/s AND by MB/s ---
  const payload = x[I_PAYLOAD]!;
  if (known(serviceS) && known(peak)) {
    e.sConsumers = Math.max(1, workersFor(peak, batchS, slots));
    e.sThroughputMBps = known(payload) ? peak * payload : NaN;
    const byRecords = Math.ceil(peak / LIMITS.streamShardWriteRecordsPerS.value);
    const byBytes = known(payload) ? Math.ceil(e.sThroughputMBps / LIMITS.streamShardWriteMBps.value) : 0;
    e.sShards = Math.max(1, byRecords, byBytes);
    e.sCost = hours * (e.sConsumers * replicaHour + e.sShards * p.streamShardHourUsd);
  } else {
    e.sConsumers = NaN;
    e.sShards = NaN;
    e.sThroughputMBps = NaN;
    e.sCost = NaN;
  }
  e.sP99Ms = processingMs + e.rtBatchAddedMs + ASSUMPTIONS.streamOverheadMs;
  e.cost[S] = e.sCost;
  e.p99Ms[S] = e.sP99Ms;

  // --- hybrid: precomputed store + live path for misses ---
  const enumerable = x[I_ENUMERABLE];
  e.hHitRate = enumerable === 0 ? ASSUMPTIONS.hybridHitRateNotEnumerable : ASSUMPTIONS.hybridHitRateEnumerable;
  e.hLambda = known(peak) ? peak * (1 - e.hHitRate) : NaN;
  if (known(serviceS) && known(budgetMs) && waitS > 0 && known(peak)) {
    const hs = explain ? slotSizing(e.hLambda, batchS, waitS) : null;
    e.hSizing = hs;
    e.hReplicas = Math.max(minReplicas, (e.hLambda > 0 ? Math.ceil((hs ? hs.replicas : slotCount(e.hLambda, batchS, waitS)) / slots) : 0) + spare);
    const replicasAvg = Math.max(minReplicas, replicasFor(av * (1 - e.hHitRate), batchS, waitS, slots) + spare);
    const activeReplicas = (e.hReplicas + replicasAvg) / 2;
    e.hLiveCost = replicaHour * hours * (activeFrac * activeReplicas + idleFrac * minReplicas);
    e.hP99Ms = e.hHitRate >= 0.99 ? ASSUMPTIONS.lookupLatencyMs : hs ? processingMs + e.rtBatchAddedMs + hs.waitP99S * 1000 : NaN;
  } else {
    e.hSizing = null;
    e.hReplicas = NaN;
    e.hLiveCost = NaN;
    e.hP99Ms = known(processingMs) ? processingMs : NaN;
  }
  e.hBatchCost = e.bScheduledCost;
  e.hLookupCost = known(av) ? ((av * activeFrac * secondsPerMonth) / 1e6) * p.keyValuePerMillionReadsUsd : NaN;
  e.hCost = e.hLiveCost + e.hBatchCost + e.hLookupCost;
  e.cost[H] = e.hCost;
  e.p99Ms[H] = e.hP99Ms;

  // --- edge: no server compute (distribution and telemetry are not priced) ---
  e.eP99Ms = processingMs * ASSUMPTIONS.edgeSlowdown;
  e.eCost = 0;
  e.cost[E] = 0;
  e.p99Ms[E] = e.eP99Ms;
}

export const COSTS: Estimate = {
  name: "costs",
  reads: [
    "needsGpu", "processingTimeMs", "latencyBudgetMs", "peakRequestsPerSecond", "avgRequestsPerSecond",
    "idleHoursPerDay", "modelSizeGB", "criticality", "inputsEnumerable", "payloadMB",
  ],
  uses: [BATCH_RUN, REPLICA_SHAPE],
  compute: costs,
};

/** Every estimate, in the order they are computed (each after those it uses). */
export const ESTIMATES: readonly Estimate[] = [COLD_START, REPLICA_SHAPE, BATCH_RUN, COSTS];

/** Bits of the estimates in an estimate mask (ESTIMATES order). */
export const EST_COLD_START = 1 << 0;
export const EST_REPLICA_SHAPE = 1 << 1;
export const EST_BATCH_RUN = 1 << 2;
export const EST_COSTS = 1 << 3;
export const EST_ALL = EST_COLD_START | EST_REPLICA_SHAPE | EST_BATCH_RUN | EST_COSTS;

/**
 * The estimates in the mask `est` (default: all), in ESTIMATES order (direct calls: this runs in
 * the probes' loop). A probe recomputes only those that read the changed answer (FIELD_ESTIMATES
 * in run.ts); the others keep the figures of the last full computation, made with the same answers.
 */
/** The costs estimate alone (a probe that may not need it computes it last: see probeEvaluate in run.ts). */
export function computeCosts(st: EvalState): void {
  costs(st);
}

export function computeEstimates(st: EvalState, est: number = EST_ALL): void {
  if (est & EST_COLD_START) coldStart(st);
  if (est & EST_REPLICA_SHAPE) replicaShape(st);
  if (est & EST_BATCH_RUN) batchRun(st);
  if (est & EST_COSTS) costs(st);
}
