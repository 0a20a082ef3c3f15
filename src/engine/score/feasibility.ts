/**
 * Feasibility before scoring, and costs compared across strategies (engine 2.0.0, docs/engine.md §3
 * and §5). Both stages run after the factor sections on every evaluation (a probe of an answer the
 * feasibility blocks do not read reuses the blocks found for the searched answers, and a probe
 * whose winner is decided before the costs skips the cost stage: see run.ts):
 *  - applyFeasibility: each strategy and each real-time serving variant against its documented
 *    limits (payload, time-out, concurrency, cold start against the latency budget, model memory
 *    per replica or device) and the labelled heuristics (latency floors); a crossing blocks it,
 *    with the rule, the numbers, the sources and the nearest answers that would clear it. It also
 *    finds which real-time serving variants and batch variants (scheduled or per-item) fit;
 *    `chooseVariants` then picks the cheapest that fits.
 *  - applyCostComparison: strategies far above the cheapest feasible one lose points in proportion
 *    (log2 of the ratio); crossing the budget is a soft constraint with its size. Edge's $0 server
 *    cost is neither a reference nor a bonus: it moves the cost to devices.
 */
import type { AnswerField } from "../answers";
import { formatDurationMs, formatDurationSeconds, formatMegabytes, formatNumber, formatUsd } from "../format";
import { ASSUMPTIONS, LIMITS, type LimitId } from "../limits";
import { STRATEGIES, STRATEGY_LABELS } from "../strategies";
import { ANSWER_INDEX, known } from "./encode";
import { COLD_START, REPLICA_SHAPE, type Estimate } from "./estimates";
import { addOne, block, POINT_WEIGHT, sourceRef, STRATEGY_INDEX, COST_OVER_BUDGET_MAX, COST_VS_CHEAPEST_MAX, type EvalState, type FixHint } from "./state";

const {
  I_BUDGET, I_COLD, I_ENUMERABLE, I_FRESHNESS, I_GPU, I_LATENCY, I_MODEL, I_OFFLINE, I_PAYLOAD, I_PEAK, I_PROCESSING, I_STALENESS,
} = ANSWER_INDEX;
const { A, B, E, H, N_STRATEGIES, R, S } = STRATEGY_INDEX;

const SERVER_SIDE = [B, R, A, S, H] as const;
const NO_CROSSINGS: Crossing[][] = [];
const NO_LIST: Crossing[] = [];

/**
 * The answers the two stages read directly (besides the estimates' figures). They run on every
 * evaluation, so a probe changing only one of these (the budget) needs no section re-run.
 */
export const STAGE_READS: readonly AnswerField[] = [
  "latencyBudgetMs", "modelSizeGB", "needsGpu", "payloadMB", "processingTimeMs", "peakRequestsPerSecond", "coldStartToleranceSeconds",
  "featureFreshness", "inputsEnumerable", "maxStalenessSeconds", "offlineOrOnDevice", "monthlyBudgetUsd",
];
const L_COST = "Cost";
const VARIANT_NAMES = ["always-on", "scale-to-zero (serverless)", "dedicated"] as const;

/** Round to a multiple of 0.5 (score points add up exactly). */
function half(v: number): number {
  return Math.round(v * 2) / 2;
}
const NO_FIX: readonly FixHint[] = [];
// Empty lists for the fast path (never written to: only the explained path pushes).
const NO_SOURCES: LimitId[] = [];
const NO_FIXES: FixHint[] = [];
const NO_FIELDS: AnswerField[] = [];
// Arguments of block(), allocated once (the fast path allocates nothing).
const F_LATENCY_BUDGET_MS: readonly AnswerField[] = ["latencyBudgetMs"];
const F_LATENCY_BUDGET_MS_PROCESSING_TIME_MS: readonly AnswerField[] = ["latencyBudgetMs", "processingTimeMs"];
const F_MODEL_SIZE_GB: readonly AnswerField[] = ["modelSizeGB"];
const F_MODEL_SIZE_GB_NEEDS_GPU: readonly AnswerField[] = ["modelSizeGB", "needsGpu"];
const F_EDGE_FIT: readonly AnswerField[] = ["offlineOrOnDevice", "modelSizeGB", "needsGpu"];
const F_PAYLOAD_MB: readonly AnswerField[] = ["payloadMB"];
const F_PAYLOAD_MB_PROCESSING_TIME_MS: readonly AnswerField[] = ["payloadMB", "processingTimeMs"];
const F_PRECOMPUTE: readonly AnswerField[] = ["payloadMB", "processingTimeMs", "maxStalenessSeconds"];
const F_PROCESSING_TIME_MS: readonly AnswerField[] = ["processingTimeMs"];
const F_PROCESSING_TIME_MS_LATENCY_BUDGET_MS: readonly AnswerField[] = ["processingTimeMs", "latencyBudgetMs"];
const L_QUEUE_OVERHEADS: readonly LimitId[] = ["asyncOverheadMs", "streamOverheadMs"];
const L_ASYNC_PAYLOAD_MB: readonly LimitId[] = ["asyncPayloadMB"];
const L_ASYNC_TIMEOUT_S: readonly LimitId[] = ["asyncTimeoutS"];
const L_PRECOMPUTE_LIMITS: readonly LimitId[] = ["batchMiniBatchMB", "batchInvocationS", "batchOverheadSeconds"];
const L_DEDICATED_LIMITS: readonly LimitId[] = ["dedicatedPayloadMB", "dedicatedTimeoutS"];
const L_EDGE_COMFORT_MODEL_GB: readonly LimitId[] = ["edgeComfortModelGB"];
const L_EDGE_MAX_MODEL_GB: readonly LimitId[] = ["edgeMaxModelGB"];
const L_EDGE_SLOWDOWN: readonly LimitId[] = ["edgeSlowdown"];
const L_HYBRID_HIT_RATES: readonly LimitId[] = ["hybridHitRateEnumerable", "hybridHitRateNotEnumerable"];
const L_LOOKUP_LATENCY_MS: readonly LimitId[] = ["lookupLatencyMs"];
const L_MIN_INFERENCE_MS: readonly LimitId[] = ["minInferenceMs"];
const L_NETWORK_ROUND_TRIP_MS: readonly LimitId[] = ["networkRoundTripMs"];
const L_STREAM_RECORD_MB: readonly LimitId[] = ["streamRecordMB"];
const S_A: readonly number[] = [A];
const S_AS: readonly number[] = [A, S];
const S_B: readonly number[] = [B];
const S_BH: readonly number[] = [B, H];
const S_ALL: readonly number[] = [B, R, A, S, H, E];
const S_E: readonly number[] = [E];
const S_H: readonly number[] = [H];
const S_R: readonly number[] = [R];
const S_S: readonly number[] = [S];

/** A crossing found for one variant: message, sources, fixes (explained path only). */
interface Crossing {
  rule: string;
  message: string;
  fields: AnswerField[];
  sources: LimitId[];
  fixes: FixHint[];
}

/**
 * The crossings' messages joined by `sep` (explained path). A loop, not `map().join()`: the lists'
 * element kinds differ between calls, and the array built-ins' map checks then threw the whole
 * stage's optimised code away (a deoptimisation on the fast path too).
 */
function joinMessages(list: readonly Crossing[], sep: string): string {
  let out = "";
  for (let k = 0; k < list.length; k++) out += (k === 0 ? "" : sep) + list[k]!.message;
  return out;
}

// The limits and assumptions the stages compare against, as module-local constants (read on every
// evaluation: cheaper than an imported object's properties).
const LV_asyncPayloadMB = LIMITS.asyncPayloadMB.value;
const LV_asyncTimeoutS = LIMITS.asyncTimeoutS.value;
const LV_batchInvocationS = LIMITS.batchInvocationS.value;
const LV_batchMiniBatchMB = LIMITS.batchMiniBatchMB.value;
const LV_dedicatedPayloadMB = LIMITS.dedicatedPayloadMB.value;
const LV_dedicatedTimeoutS = LIMITS.dedicatedTimeoutS.value;
const LV_edgeComfortModelGB = LIMITS.edgeComfortModelGB.value;
const LV_edgeMaxModelGB = LIMITS.edgeMaxModelGB.value;
const LV_jobMaxRuntimeS = LIMITS.jobMaxRuntimeS.value;
const LV_lookupLatencyMs = LIMITS.lookupLatencyMs.value;
const LV_minInferenceMs = LIMITS.minInferenceMs.value;
const LV_modelMemoryOverhead = LIMITS.modelMemoryOverhead.value;
const LV_networkRoundTripMs = LIMITS.networkRoundTripMs.value;
const LV_realtimePayloadMB = LIMITS.realtimePayloadMB.value;
const LV_realtimeTimeoutS = LIMITS.realtimeTimeoutS.value;
const LV_serverlessMaxConcurrency = LIMITS.serverlessMaxConcurrency.value;
const LV_serverlessMaxMemoryGB = LIMITS.serverlessMaxMemoryGB.value;
const LV_serverlessPayloadMB = LIMITS.serverlessPayloadMB.value;
const LV_serverlessTimeoutS = LIMITS.serverlessTimeoutS.value;
const LV_streamRecordMB = LIMITS.streamRecordMB.value;
const LV_targetUtilisation = LIMITS.targetUtilisation.value;
const AV_asyncOverheadMs = ASSUMPTIONS.asyncOverheadMs;
const AV_batchOverheadSeconds = ASSUMPTIONS.batchOverheadSeconds;
const AV_edgeSlowdown = ASSUMPTIONS.edgeSlowdown;
const AV_lookupLatencyMs = ASSUMPTIONS.lookupLatencyMs;
const AV_serverlessMemoryPerModelGb = ASSUMPTIONS.serverlessMemoryPerModelGb;

export function applyFeasibility(st: EvalState): void {
  const x = st.x;
  const e = st.est;
  const rec = st.rec !== null;
  const payload = x[I_PAYLOAD]!;
  const processing = x[I_PROCESSING]!;
  const latency = x[I_LATENCY]!;
  const model = x[I_MODEL]!;
  const gpu = x[I_GPU] === 1;
  const peak = x[I_PEAK]!;
  const serviceS = processing / 1000;
  const overheadS = AV_batchOverheadSeconds;

  // --- latency floors (heuristics): below them nothing, or nothing server-side, can answer ---
  if (known(latency)) {
    if (latency < LV_minInferenceMs)
      block(st, S_ALL, "latency-below-any-inference", F_LATENCY_BUDGET_MS,
        rec ? `A ${formatDurationMs(latency)} latency budget is below the ~${formatDurationMs(LV_minInferenceMs)} any model inference takes: no strategy can meet it. Check the answer.` : null,L_MIN_INFERENCE_MS, rec ? [{ field: "latencyBudgetMs", value: LV_networkRoundTripMs * 10 }] : NO_FIX);
    else if (latency < LV_networkRoundTripMs)
      block(st, SERVER_SIDE, "latency-below-network", F_LATENCY_BUDGET_MS,
        rec ? `A ${formatDurationMs(latency)} latency budget is below a ~${formatDurationMs(LV_networkRoundTripMs)} network round trip: no server-side path can meet it.` : null,L_NETWORK_ROUND_TRIP_MS, rec ? [{ field: "latencyBudgetMs", value: LV_lookupLatencyMs }] : NO_FIX);
    else if (latency < LV_lookupLatencyMs)
      block(st, S_BH, "latency-below-lookup", F_LATENCY_BUDGET_MS,
        rec ? `A ${formatDurationMs(latency)} latency budget is below the ~${formatDurationMs(LV_lookupLatencyMs)} p99 of a key-value lookup of a precomputed prediction.` : null,L_LOOKUP_LATENCY_MS, rec ? [{ field: "latencyBudgetMs", value: LV_lookupLatencyMs }] : NO_FIX);
  }

  // --- the model must fit one replica (every server-side strategy) ---
  if (!e.fitsReplica) {
    const limitId: LimitId = gpu ? "maxGpuReplicaMemoryGB" : "maxCpuReplicaMemoryGB";
    const maxModel = LIMITS[limitId].value / LV_modelMemoryOverhead;
    block(st, SERVER_SIDE, "model-exceeds-replica", F_MODEL_SIZE_GB_NEEDS_GPU,
      rec ? `A ${formatNumber(model, 3)} GB model needs ~${formatNumber(e.modelMemoryGB, 3)} GB of memory, more than the ${formatNumber(LIMITS[limitId].value)} GB of the largest single ${gpu ? "GPU node" : "CPU instance"}: no managed endpoint or job replica can hold it.` : null,
      [limitId, "modelMemoryOverhead"], rec ? [{ field: "modelSizeGB", value: Math.floor(maxModel) }] : NO_FIX);
  }

  const processingExceedsBudget = known(processing) && known(latency) && processing >= latency;

  // --- real-time: three serving variants, each against its own documented limits ---
  // Explained path only (the fast path allocates nothing here).
  const crossings: Crossing[][] = rec ? [[], [], []] : NO_CROSSINGS;
  const vb = e.rtVariantBlocked;
  vb[0] = 0;
  vb[1] = 0;
  vb[2] = 0;
  if ((payload > LV_realtimePayloadMB)) {
    vb[0] = 1;
    if (rec) crossings[0]!.push({ rule: "payload-limit", message: `payload ${formatMegabytes(payload)} > ${formatMegabytes(LV_realtimePayloadMB)}`, fields: ["payloadMB"], sources: ["realtimePayloadMB"], fixes: [{ field: "payloadMB", value: LV_realtimePayloadMB }] });
  }
  if ((serviceS > LV_realtimeTimeoutS)) {
    vb[0] = 1;
    if (rec) crossings[0]!.push({ rule: "timeout", message: `processing ${formatDurationMs(processing)} > ${formatDurationSeconds(LV_realtimeTimeoutS)} time-out`, fields: ["processingTimeMs"], sources: ["realtimeTimeoutS"], fixes: [{ field: "processingTimeMs", value: LV_realtimeTimeoutS * 1000 }] });
  }
  if ((payload > LV_dedicatedPayloadMB)) {
    vb[2] = 1;
    if (rec) crossings[2]!.push({ rule: "payload-limit", message: `payload ${formatMegabytes(payload)} > ${formatMegabytes(LV_dedicatedPayloadMB)}`, fields: ["payloadMB"], sources: ["dedicatedPayloadMB"], fixes: [{ field: "payloadMB", value: LV_dedicatedPayloadMB }] });
  }
  if ((serviceS > LV_dedicatedTimeoutS)) {
    vb[2] = 1;
    if (rec) crossings[2]!.push({ rule: "timeout", message: `processing ${formatDurationMs(processing)} > ${formatDurationSeconds(LV_dedicatedTimeoutS)} time-out`, fields: ["processingTimeMs"], sources: ["dedicatedTimeoutS"], fixes: [{ field: "processingTimeMs", value: LV_dedicatedTimeoutS * 1000 }] });
  }
  // scale-to-zero (serverless)
  if (gpu) {
    vb[1] = 1;
    if (rec) crossings[1]!.push({ rule: "serverless-no-gpu", message: "no GPUs", fields: ["needsGpu"], sources: ["serverlessMaxMemoryGB"], fixes: [{ field: "needsGpu", value: 0 }] });
  }
  const serverlessMem = Math.max(1, AV_serverlessMemoryPerModelGb * (known(model) ? model : 0));
  if (serverlessMem > LV_serverlessMaxMemoryGB) {
    vb[1] = 1;
    if (rec) crossings[1]!.push({ rule: "serverless-memory", message: `needs ~${formatNumber(serverlessMem, 3)} GB of memory > ${LV_serverlessMaxMemoryGB} GB`, fields: ["modelSizeGB"], sources: ["serverlessMaxMemoryGB", "serverlessMemoryPerModelGb"], fixes: [{ field: "modelSizeGB", value: LV_serverlessMaxMemoryGB / AV_serverlessMemoryPerModelGb }] });
  }
  if ((payload > LV_serverlessPayloadMB)) {
    vb[1] = 1;
    if (rec) crossings[1]!.push({ rule: "payload-limit", message: `payload ${formatMegabytes(payload)} > ${formatMegabytes(LV_serverlessPayloadMB)}`, fields: ["payloadMB"], sources: ["serverlessPayloadMB"], fixes: [{ field: "payloadMB", value: LV_serverlessPayloadMB }] });
  }
  if ((serviceS > LV_serverlessTimeoutS)) {
    vb[1] = 1;
    if (rec) crossings[1]!.push({ rule: "timeout", message: `processing ${formatDurationMs(processing)} > ${formatDurationSeconds(LV_serverlessTimeoutS)} time-out`, fields: ["processingTimeMs"], sources: ["serverlessTimeoutS"], fixes: [{ field: "processingTimeMs", value: LV_serverlessTimeoutS * 1000 }] });
  }
  const concurrency = known(peak) && known(processing) ? Math.ceil((peak * serviceS) / LV_targetUtilisation) : NaN;
  if (concurrency > LV_serverlessMaxConcurrency) {
    vb[1] = 1;
    if (rec) crossings[1]!.push({ rule: "serverless-concurrency", message: `~${formatNumber(concurrency)} concurrent requests at peak > ${LV_serverlessMaxConcurrency} per endpoint`, fields: ["peakRequestsPerSecond", "processingTimeMs"], sources: ["serverlessMaxConcurrency", "targetUtilisation"], fixes: [{ field: "peakRequestsPerSecond", value: (LV_serverlessMaxConcurrency * LV_targetUtilisation) / serviceS }] });
  }
  if (!e.rtScaleToZeroAllowed) {
    vb[1] = 1;
    if (rec) {
      const tol = x[I_COLD]!;
      const cs = e.rtColdStartS;
      const msg = !known(tol)
        ? `the cold-start tolerance is unknown (a cold start takes ~${formatDurationSeconds(cs)})`
        : tol < cs
          ? `a ~${formatDurationSeconds(cs)} cold start > the ${formatDurationSeconds(tol)} tolerated`
          : `a ~${formatDurationSeconds(cs)} cold start > the ${formatDurationMs(latency)} latency budget`;
      crossings[1]!.push({ rule: "cold-start", message: msg, fields: ["coldStartToleranceSeconds", "latencyBudgetMs"], sources: ["coldStartBaseCpuS", "coldStartBaseGpuS", "coldStartPerGbS"], fixes: [{ field: "coldStartToleranceSeconds", value: Math.ceil(cs) }, { field: "latencyBudgetMs", value: Math.ceil(cs * 1000) }] });
    }
  }
  if (st.rec)
    for (let v = 0; v < 3; v++)
      for (const c of crossings[v]!) st.rec.variantCrossings[v]!.push({ rule: c.rule, message: c.message, sources: c.sources.map(sourceRef) });
  if (processingExceedsBudget || !e.fitsReplica || st.blocked[R]) {
    // Blocked as a whole (below); the variants are moot.
    vb[0] = vb[1] = vb[2] = 1;
  }
  if (processingExceedsBudget) {
    block(st, S_R, "processing-exceeds-budget", F_PROCESSING_TIME_MS_LATENCY_BUDGET_MS,
      rec ? `Processing alone takes ${formatDurationMs(processing)}, at or above the ${formatDurationMs(latency)} latency budget: no synchronous endpoint can meet it.` : null,
      [], rec ? [{ field: "latencyBudgetMs", value: processing * 1.25 + e.rtBatchAddedMs }, { field: "processingTimeMs", value: latency * 0.8 }] : NO_FIX);
  } else if (vb[0] && vb[1] && vb[2] && !st.blocked[R]) {
    let msg = "";
    const sources: LimitId[] = rec ? [] : NO_SOURCES;
    const fixes: FixHint[] = rec ? [] : NO_FIXES;
    const fields: AnswerField[] = rec ? [] : NO_FIELDS;
    if (rec) {
      for (let v = 0; v < 3; v++) {
        const cs = crossings[v]!;
        msg += `${v === 0 ? "" : "; "}${VARIANT_NAMES[v]}: ${joinMessages(cs, ", ")}`;
        for (const c of cs) {
          for (const s of c.sources) if (!sources.includes(s)) sources.push(s);
          for (const f of c.fields) if (!fields.includes(f)) fields.push(f);
          // The most permissive variants' fixes first (dedicated, then always-on).
          if (v !== 1) fixes.push(...c.fixes);
        }
      }
    }
    block(st, S_R, "no-serving-variant", fields, rec ? `No real-time serving variant fits the documented limits — ${msg}.` : null, sources, fixes);
  }
  // --- hybrid: its live path must meet the latency budget and the synchronous limits ---
  if (processingExceedsBudget)
    block(st, S_H, "hybrid-live-path-too-slow", F_PROCESSING_TIME_MS_LATENCY_BUDGET_MS,
      rec ? `Requests that miss the precomputed store (~${formatNumber((1 - e.hHitRate) * 100)}% assumed) would take ${formatDurationMs(processing)} on the live path, beyond the ${formatDurationMs(latency)} budget.` : null,L_HYBRID_HIT_RATES, rec ? [{ field: "latencyBudgetMs", value: processing * 1.25 + e.rtBatchAddedMs }] : NO_FIX);
  if ((payload > LV_dedicatedPayloadMB) || (serviceS > LV_dedicatedTimeoutS))
    block(st, S_H, "hybrid-live-path-limits", F_PAYLOAD_MB_PROCESSING_TIME_MS,
      rec ? `The live path of a hybrid is a synchronous endpoint: ${(payload > LV_dedicatedPayloadMB) ? `a ${formatMegabytes(payload)} payload exceeds the ${formatMegabytes(LV_dedicatedPayloadMB)} of any synchronous endpoint` : `${formatDurationMs(processing)} of processing exceeds the ${formatDurationSeconds(LV_dedicatedTimeoutS)} time-out of any synchronous endpoint`}.` : null,L_DEDICATED_LIMITS, rec ? [{ field: "payloadMB", value: LV_dedicatedPayloadMB }, { field: "processingTimeMs", value: LV_dedicatedTimeoutS * 1000 }] : NO_FIX);

  // --- asynchronous (queued endpoint) ---
  if ((payload > LV_asyncPayloadMB))
    block(st, S_A, "async-payload-limit", F_PAYLOAD_MB, rec ? `A ${formatMegabytes(payload)} payload exceeds the ${formatMegabytes(LV_asyncPayloadMB)} a queued asynchronous endpoint accepts.` : null, L_ASYNC_PAYLOAD_MB, rec ? [{ field: "payloadMB", value: LV_asyncPayloadMB }] : NO_FIX);
  if ((serviceS > LV_asyncTimeoutS))
    block(st, S_A, "async-timeout", F_PROCESSING_TIME_MS, rec ? `${formatDurationMs(processing)} per request exceeds the ${formatDurationSeconds(LV_asyncTimeoutS)} an asynchronous endpoint processes one request.` : null, L_ASYNC_TIMEOUT_S, rec ? [{ field: "processingTimeMs", value: LV_asyncTimeoutS * 1000 }] : NO_FIX);
  const queueFloorMs = known(processing) ? processing + AV_asyncOverheadMs : AV_asyncOverheadMs;
  if (known(latency) && latency < queueFloorMs && latency >= LV_networkRoundTripMs)
    block(st, S_AS, "queue-latency-floor", F_LATENCY_BUDGET_MS_PROCESSING_TIME_MS,
      rec ? `A queued or streamed prediction takes at least ~${formatDurationMs(queueFloorMs)} (processing plus ~${formatDurationMs(AV_asyncOverheadMs)} of queue and delivery), beyond the ${formatDurationMs(latency)} latency budget.` : null,L_QUEUE_OVERHEADS, rec ? [{ field: "latencyBudgetMs", value: queueFloorMs }] : NO_FIX);

  // --- streaming ---
  if ((payload > LV_streamRecordMB))
    block(st, S_S, "stream-record-limit", F_PAYLOAD_MB, rec ? `A ${formatMegabytes(payload)} event exceeds the largest stream record (${LV_streamRecordMB} MiB, Kinesis with a raised maximum; 1 MiB by default).` : null, L_STREAM_RECORD_MB, rec ? [{ field: "payloadMB", value: LV_streamRecordMB }] : NO_FIX);

  // --- batch: the scheduled run, else a per-item triggered job ---
  const sched: Crossing[] = rec ? [] : NO_LIST;
  let schedBlocked = false;
  const freshness = x[I_FRESHNESS]!;
  if (freshness === 0) {
    schedBlocked = true;
    if (rec) sched.push({ rule: "request-time-features", message: "the model needs request-time inputs, so nothing can be scored before the request", fields: ["featureFreshness"], sources: [], fixes: [{ field: "featureFreshness", value: 1 }] });
  }
  if (x[I_ENUMERABLE] === 0) {
    schedBlocked = true;
    if (rec) sched.push({ rule: "inputs-not-enumerable", message: "inputs cannot be known before they are needed, so a scheduled run cannot score them", fields: ["inputsEnumerable"], sources: [], fixes: [{ field: "inputsEnumerable", value: 1 }] });
  }
  if ((payload > LV_batchMiniBatchMB)) {
    schedBlocked = true;
    if (rec) sched.push({ rule: "batch-mini-batch-limit", message: `one ${formatMegabytes(payload)} item exceeds the ${formatMegabytes(LV_batchMiniBatchMB)} mini-batch of Batch Transform`, fields: ["payloadMB"], sources: ["batchMiniBatchMB"], fixes: [{ field: "payloadMB", value: LV_batchMiniBatchMB }] });
  }
  if ((serviceS > LV_batchInvocationS)) {
    schedBlocked = true;
    if (rec) sched.push({ rule: "batch-invocation-timeout", message: `one item's ${formatDurationMs(processing)} exceeds the ${formatDurationSeconds(LV_batchInvocationS)} of a Batch Transform invocation`, fields: ["processingTimeMs"], sources: ["batchInvocationS"], fixes: [{ field: "processingTimeMs", value: LV_batchInvocationS * 1000 }] });
  }
  const staleness = x[I_STALENESS]!;
  const minRunS = overheadS + (known(processing) ? serviceS : 0);
  if (known(staleness) && minRunS >= staleness) {
    schedBlocked = true;
    if (rec) sched.push({ rule: "batch-run-exceeds-staleness", message: `even one worker per item needs ~${formatDurationSeconds(minRunS)} per run (${formatDurationSeconds(overheadS)} start-up${known(processing) ? " + one item" : ""}), at or above the ${formatDurationSeconds(staleness)} of staleness allowed`, fields: ["maxStalenessSeconds", "processingTimeMs"], sources: ["batchOverheadSeconds"], fixes: [{ field: "maxStalenessSeconds", value: Math.ceil(minRunS * 1.01) + 1 }] });
  }
  // Hybrid precomputes like the scheduled run: the same item limits and refresh.
  if ((payload > LV_batchMiniBatchMB) || (serviceS > LV_batchInvocationS) || (known(staleness) && minRunS >= staleness))
    block(st, S_H, "hybrid-precompute-impossible", F_PRECOMPUTE,
      rec
        ? `The precomputed layer of a hybrid needs a scheduled run, and ${(payload > LV_batchMiniBatchMB) ? `a ${formatMegabytes(payload)} item exceeds the ${formatMegabytes(LV_batchMiniBatchMB)} mini-batch` : (serviceS > LV_batchInvocationS) ? `${formatDurationMs(processing)} per item exceeds the ${formatDurationSeconds(LV_batchInvocationS)} invocation limit` : `even one worker per item needs ~${formatDurationSeconds(minRunS)} per run, at or above the ${formatDurationSeconds(staleness)} of staleness allowed`}.`
        : null, L_PRECOMPUTE_LIMITS, []);
  const item: Crossing[] = rec ? [] : NO_LIST;
  let itemBlocked = false;
  if ((serviceS > LV_jobMaxRuntimeS)) {
    itemBlocked = true;
    if (rec) item.push({ rule: "job-max-runtime", message: `one item's ${formatDurationMs(processing)} exceeds the ${formatDurationSeconds(LV_jobMaxRuntimeS)} a job may run`, fields: ["processingTimeMs"], sources: ["jobMaxRuntimeS"], fixes: [{ field: "processingTimeMs", value: LV_jobMaxRuntimeS * 1000 }] });
  }
  const jobFloorMs = minRunS * 1000;
  if (known(latency) && latency < jobFloorMs) {
    itemBlocked = true;
    if (rec) item.push({ rule: "job-latency-floor", message: `a triggered job takes ~${formatDurationSeconds(minRunS)} (start-up + processing), beyond the ${formatDurationMs(latency)} latency budget`, fields: ["latencyBudgetMs"], sources: ["batchOverheadSeconds"], fixes: [{ field: "latencyBudgetMs", value: jobFloorMs }] });
  }
  e.bSchedBlocked = schedBlocked;
  e.bItemBlocked = itemBlocked;
  if (schedBlocked && itemBlocked) {
    const all = rec ? sched.concat(item) : NO_LIST;
    const sources: LimitId[] = rec ? [] : NO_SOURCES;
    const fields: AnswerField[] = rec ? [] : NO_FIELDS;
    const fixes: FixHint[] = rec ? [] : NO_FIXES;
    for (const c of all) {
      for (const s of c.sources) if (!sources.includes(s)) sources.push(s);
      for (const f of c.fields) if (!fields.includes(f)) fields.push(f);
      fixes.push(...c.fixes);
    }
    block(st, S_B, sched.length > 0 ? sched[0]!.rule : "batch-infeasible", fields,
      rec ? `Neither a scheduled run (${joinMessages(sched, "; ")}) nor a per-item triggered job (${joinMessages(item, "; ")}) fits.` : null,
      sources, fixes);
  }

  // --- edge: only when on-device/offline is required, or the model demonstrably fits a device ---
  const offline = x[I_OFFLINE]!;
  const fits = known(model) && model <= LV_edgeComfortModelGB && x[I_GPU] === 0;
  if (offline !== 1 && !fits)
    block(st, S_E, "edge-not-required", F_EDGE_FIT,
      rec ? `Edge is considered only when the use case must run offline or on the device, or the model demonstrably fits a device (known size <= ${LV_edgeComfortModelGB} GB, no GPU needed): ${offline === 0 ? "neither is the case" : "the on-device requirement is unknown and the fit is not shown"}.` : null,L_EDGE_COMFORT_MODEL_GB, rec ? [{ field: "offlineOrOnDevice", value: 1 }] : NO_FIX);
  if (known(model) && model > LV_edgeMaxModelGB)
    block(st, S_E, "edge-model-too-large", F_MODEL_SIZE_GB, rec ? `A ${formatNumber(model, 3)} GB model does not run on a device (about ${LV_edgeMaxModelGB} GB at most).` : null, L_EDGE_MAX_MODEL_GB, rec ? [{ field: "modelSizeGB", value: LV_edgeMaxModelGB }] : NO_FIX);
  if (known(processing) && known(latency) && processing * AV_edgeSlowdown > latency)
    block(st, S_E, "edge-device-latency", F_PROCESSING_TIME_MS_LATENCY_BUDGET_MS,
      rec ? `On a device (assumed ${AV_edgeSlowdown}x slower than a server) a prediction takes ~${formatDurationMs(processing * AV_edgeSlowdown)}, beyond the ${formatDurationMs(latency)} budget.` : null,L_EDGE_SLOWDOWN, rec ? [{ field: "latencyBudgetMs", value: processing * AV_edgeSlowdown }] : NO_FIX);
}

/**
 * The variants the feasibility stage chooses between, by cost: the real-time serving variant (the
 * cheapest that fits; dedicated only where always-on does not) and the batch variant (the
 * scheduled run, else a per-item triggered job). Reads the variants' blocks the stage left
 * (`rtVariantBlocked`, `bSchedBlocked`, `bItemBlocked`, `blocked`) and the estimates' costs; sets
 * the chosen variants and their costs (and batch's latency).
 */
export function chooseVariants(st: EvalState): void {
  const e = st.est;
  const vb = e.rtVariantBlocked;
  if (!st.blocked[R]) {
    let serving: 0 | 1 | 2 = vb[0] ? 2 : 0;
    if (!vb[1] && (vb[0] && vb[2] ? true : e.rtCostScaleToZero < (serving === 2 ? e.rtCostDedicated : e.rtCostAlwaysOn))) serving = 1;
    e.rtServing = serving;
    e.cost[R] = serving === 1 ? e.rtCostScaleToZero : serving === 2 ? e.rtCostDedicated : e.rtCostAlwaysOn;
  } else {
    e.rtServing = 0;
    e.cost[R] = e.rtCostAlwaysOn;
  }
  if (!e.bSchedBlocked || e.bItemBlocked) {
    e.bVariant = 0;
    e.bCost = e.bScheduledCost;
    e.cost[B] = e.bScheduledCost;
    e.p99Ms[B] = AV_lookupLatencyMs;
  }
  if (e.bSchedBlocked && !e.bItemBlocked) {
    const processing = st.x[I_PROCESSING]!;
    e.bVariant = 1;
    e.bCost = e.bPerItemCost;
    e.cost[B] = e.bPerItemCost;
    e.p99Ms[B] = (AV_batchOverheadSeconds + (known(processing) ? processing / 1000 : 0)) * 1000;
  }
}

/**
 * The feasibility stage for a probe of an answer it does not read (FIELD_FEASIBILITY in run.ts):
 * the blocks and variant blocks it found for the searched answers (kept by `keepFeasibility`); the
 * variants are then chosen again by cost (`chooseVariants`: the probe may have changed the costs).
 */
export function reuseFeasibility(st: EvalState, kept: FeasibilityKept): void {
  const e = st.est;
  const vb = e.rtVariantBlocked;
  for (let s = 0; s < N_STRATEGIES; s++) st.blocked[s] = kept.blocked[s]!;
  vb[0] = kept.variantBlocked[0]!;
  vb[1] = kept.variantBlocked[1]!;
  vb[2] = kept.variantBlocked[2]!;
  e.bSchedBlocked = kept.schedBlocked;
  e.bItemBlocked = kept.itemBlocked;
}

/** What the feasibility stage found for one set of answers, for `reuseFeasibility`. */
export interface FeasibilityKept {
  readonly blocked: number[];
  readonly variantBlocked: number[];
  schedBlocked: boolean;
  itemBlocked: boolean;
}

/** Keep what the feasibility stage just found (fast path), for probes that do not change it. */
export function keepFeasibility(st: EvalState, kept: FeasibilityKept): void {
  const vb = st.est.rtVariantBlocked;
  for (let s = 0; s < N_STRATEGIES; s++) kept.blocked[s] = st.blocked[s]!;
  kept.variantBlocked[0] = vb[0]!;
  kept.variantBlocked[1] = vb[1]!;
  kept.variantBlocked[2] = vb[2]!;
  kept.schedBlocked = st.est.bSchedBlocked;
  kept.itemBlocked = st.est.bItemBlocked;
}

/**
 * The answers the feasibility stage's blocks read directly, and the estimates whose figures they
 * read (the model's fit on a replica, the cold start): a probe changing any other answer (and no
 * blocking section's) gets the same blocks, so it reuses them (`reuseFeasibility`).
 */
export const FEASIBILITY_READS: readonly AnswerField[] = [
  "latencyBudgetMs", "modelSizeGB", "needsGpu", "payloadMB", "processingTimeMs", "peakRequestsPerSecond", "featureFreshness",
  "inputsEnumerable", "maxStalenessSeconds", "offlineOrOnDevice",
];
export const FEASIBILITY_ESTIMATES: readonly Estimate[] = [REPLICA_SHAPE, COLD_START];

export function applyCostComparison(st: EvalState): void {
  const e = st.est;
  const rec = st.rec !== null;
  let cheapest = Infinity;
  for (const s of SERVER_SIDE) {
    const c = e.cost[s]!;
    if (!st.blocked[s] && c === c && c < cheapest) cheapest = c;
  }
  e.cheapestCost = cheapest === Infinity ? NaN : cheapest;
  const budget = st.x[I_BUDGET]!;
  for (const s of SERVER_SIDE) {
    const c = e.cost[s]!;
    if (st.blocked[s] || c !== c) continue;
    if (cheapest !== Infinity) {
      const ratio = c / Math.max(cheapest, 1);
      if (ratio >= 2) {
        const pts = half(Math.min(COST_VS_CHEAPEST_MAX, 6 * Math.log2(ratio)));
        addOne(st, s, "cost-vs-cheapest", L_COST, -pts / POINT_WEIGHT,
          rec ? `${STRATEGY_LABELS[STRATEGIES[s]!]}: ~${formatUsd(c)}/month, ${formatNumber(ratio, 2)}x the cheapest feasible strategy (~${formatUsd(cheapest)}/month): ${formatNumber(pts)} points off (6 per doubling, at most ${COST_VS_CHEAPEST_MAX}).` : null);
      }
    }
    if (budget === budget && c > budget) {
      const over = budget > 0 ? c / budget : Infinity;
      const pts = half(Math.min(COST_OVER_BUDGET_MAX, 5 + 5 * Math.log2(over)));
      const label = rec ? STRATEGY_LABELS[STRATEGIES[s]!] : "";
      const size = rec ? `~${formatUsd(c)}/month, ${formatUsd(c - budget)} over the ${formatUsd(budget)} budget${over === Infinity ? "" : ` (${formatNumber(over, 2)}x)`}` : "";
      addOne(st, s, "cost-over-budget", L_COST, -pts / POINT_WEIGHT, rec ? `${label}: ${size}: ${formatNumber(pts)} points off.` : null);
      if (st.rec)
        st.rec.constraints.push({ id: "cost-over-budget", level: "soft", strategies: [STRATEGIES[s]!], fields: ["monthlyBudgetUsd"], message: `${label} is estimated at ${size}.`, source: null, sources: [] });
    }
  }
}
