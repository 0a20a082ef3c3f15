/**
 * The quantified estimates (docs/engine.md §4): cold start, batch run length, and per strategy
 * the replicas, workers, latency and monthly cost. Each estimate declares the answers it reads,
 * and the estimates it builds on, so the rules that read its figures are re-evaluated when one of
 * those answers changes (see `FIELD_SECTIONS` in run.ts; checked by tests/unit/engine/score-reads.test.ts).
 */
import type { AnswerField } from "../answers";
import { ASSUMPTIONS, PLATFORM_LIMITS } from "../limits";
import { replicasForWaitBudget, type ReplicaSizing } from "../queueing";
import { ANSWER_INDEX, known } from "./encode";
import { STRATEGY_INDEX, type EvalState } from "./state";

// Module-local indices (see ANSWER_INDEX in encode.ts).
const {
  I_ACTIVE, I_AVG, I_BUDGET, I_COLD, I_CRITICALITY, I_ENTITIES, I_ENUMERABLE, I_GPU, I_IDLE, I_LATENCY, I_MODEL,
  I_PEAK, I_PROCESSING, I_STALENESS
} = ANSWER_INDEX;
const { A, B, E, H, R, S } = STRATEGY_INDEX;

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
  e.rtScaleToZeroAllowed = known(tol) && tol >= e.rtColdStartS;
}

export const COLD_START: Estimate = {
  name: "cold start",
  reads: ["needsGpu", "modelSizeGB", "coldStartToleranceSeconds"],
  uses: [],
  compute: coldStart,
};

/** Work, workers and the length of one batch run (read by the batch-run rules and the costs). */
function batchRun(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const entities = x[I_ENTITIES]!;
  const serviceS = x[I_PROCESSING]! / 1000;
  const staleness = x[I_STALENESS]!;
  if (known(entities) && known(serviceS)) {
    e.bWorkSeconds = entities * serviceS;
    let window: number = ASSUMPTIONS.batchTargetWindowSeconds;
    if (known(staleness)) window = Math.min(window, Math.max(60, staleness / 2));
    e.bWorkers = Math.min(ASSUMPTIONS.batchMaxWorkers, Math.max(1, Math.ceil(e.bWorkSeconds / window)));
    e.bDurationS = ASSUMPTIONS.batchOverheadSeconds + e.bWorkSeconds / e.bWorkers;
  } else {
    e.bWorkSeconds = NaN;
    e.bWorkers = NaN;
    e.bDurationS = NaN;
  }
}

export const BATCH_RUN: Estimate = {
  name: "batch run",
  reads: ["entityCount", "processingTimeMs", "maxStalenessSeconds"],
  uses: [],
  compute: batchRun,
};

/**
 * Replicas, workers, latency and monthly cost of every strategy. They feed only the
 * cost-vs-budget rule and the explained output: the fast path (no recorder) skips them when the
 * budget is unknown.
 */
function costs(st: EvalState): void {
  const x = st.x;
  if (st.rec === null && !known(x[I_BUDGET]!)) return;
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
  const minReplicas = x[I_CRITICALITY]! >= 2 ? ASSUMPTIONS.minReplicasCritical : 1;
  const secondsPerMonth = hours * 3600;
  e.rtMinReplicas = minReplicas;

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

  // --- batch (work, workers and run length: BATCH_RUN) ---
  const staleness = x[I_STALENESS]!;
  const durForCadence = known(e.bDurationS) ? e.bDurationS : ASSUMPTIONS.batchOverheadSeconds;
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
  if (st.rec) {
    // Explained only (no rule reads it).
    const entities = x[I_ENTITIES]!;
    const active = x[I_ACTIVE]!;
    e.bWastedPerRun = known(entities) && known(active) ? Math.round((1 - active / 100) * entities) : NaN;
  }
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

export const COSTS: Estimate = {
  name: "costs",
  reads: [
    "monthlyBudgetUsd", // the fast path computes costs only when the budget is known
    "needsGpu", "processingTimeMs", "latencyBudgetMs", "peakRequestsPerSecond", "avgRequestsPerSecond",
    "idleHoursPerDay", "modelSizeGB", "criticality", "maxStalenessSeconds", "inputsEnumerable",
  ],
  uses: [COLD_START, BATCH_RUN],
  compute: costs,
};

/** Every estimate, in the order they are computed (each after those it uses). */
export const ESTIMATES: readonly Estimate[] = [COLD_START, BATCH_RUN, COSTS];

/** Every estimate, in ESTIMATES order (direct calls: this runs in the probes' loop). */
export function computeEstimates(st: EvalState): void {
  coldStart(st);
  batchRun(st);
  costs(st);
}
