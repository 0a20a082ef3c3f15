/**
 * The rules, in 16 factor sections applied in this order (docs/engine.md §2-3). Each section
 * declares the answers it reads and the estimates whose figures it reads (SECTIONS, at the end);
 * run.ts derives from these which sections a changed answer must re-evaluate (FIELD_SECTIONS), and
 * tests/unit/engine/score-reads.test.ts checks the declarations against what the code reads.
 */
import type { AnswerField } from "../answers";
import { formatDurationMs, formatDurationSeconds, formatMegabytes, formatNumber } from "../format";
import { ASSUMPTIONS, LIMIT_SOURCES, PLATFORM_LIMITS } from "../limits";
import { ANSWER_INDEX, known } from "./encode";
import { BATCH_RUN, COLD_START, type Estimate } from "./estimates";
import { movingParts } from "./parts";
import { add, addOne, advisory, block, soft, STRATEGY_INDEX, type EvalState } from "./state";
import * as T from "./tables";

// Module-local indices (see ANSWER_INDEX in encode.ts).
const {
  I_ACTIVE, I_AVG, I_CONSUMER, I_CRITICALITY, I_DELIVERY, I_ENUMERABLE, I_FALLBACK, I_FRESHNESS,
  I_GPU, I_IDLE, I_LATENCY, I_MODEL, I_OFFLINE, I_PAYLOAD, I_PEAK, I_PROCESSING, I_SOURCE, I_STALENESS
} = ANSWER_INDEX;
const { A, B, H, N_STRATEGIES, R, S } = STRATEGY_INDEX;

/** A factor section: the rules of one factor, applied together. */
export interface Section {
  /** Its SEC_* bit in a section mask. */
  readonly bit: number;
  readonly name: string;
  /** The answers the section reads on the fast path (a probe changing one of them re-runs it). */
  readonly reads: readonly AnswerField[];
  /** The estimates whose figures it reads on the fast path (their answers count as read). */
  readonly estimates: readonly Estimate[];
  /** It can block a strategy (a probe of an answer it reads re-runs the feasibility stage too). */
  readonly blocks?: boolean;
}

const NOT_EDGE = [B, R, A, S, H] as const;
const R_AND_S = [R, S] as const;
// Constraint field lists, allocated once.
const F_OFFLINE_OR_ON_DEVICE: readonly AnswerField[] = ["offlineOrOnDevice"];
const F_PAYLOAD_MB: readonly AnswerField[] = ["payloadMB"];
const F_MAX_STALENESS_SECONDS: readonly AnswerField[] = ["maxStalenessSeconds"];
const F_MODEL_SIZE_GB: readonly AnswerField[] = ["modelSizeGB"];

function tierIndex(v: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && v >= bounds[i]!) i++;
  return i;
}

// Section bits, in the order the sections are applied.
const SEC_CONSUMER = 1 << 0;
const SEC_LATENCY = 1 << 1;
const SEC_STALENESS = 1 << 2;
const SEC_FRESHNESS = 1 << 3;
const SEC_ENUMERABLE = 1 << 4;
const SEC_SOURCE = 1 << 5;
const SEC_DELIVERY = 1 << 6;
const SEC_FALLBACK = 1 << 7;
const SEC_OFFLINE = 1 << 8;
const SEC_PAYLOAD = 1 << 9;
const SEC_PROCESSING = 1 << 10;
const SEC_TRAFFIC = 1 << 11;
const SEC_ACTIVE = 1 << 12;
const SEC_BATCH_RUN = 1 << 13;
const SEC_DEVICE_FIT = 1 << 14;
const SEC_COMPLEXITY = 1 << 15;

/**
 * Apply the sections in the mask `sec`, in order; the estimates they read must be computed.
 * One function with a block per section, not a function per section through a table: that
 * measured about 3 % slower in the probes' loop (docs/engine.md §10). Each block reads its own
 * answers, so that the reads test can run one section alone.
 */
export function applySections(st: EvalState, sec: number): void {
  const x = st.x;
  const rec = st.rec;
  const e = st.est;

  if (sec & SEC_CONSUMER) {
    const consumer = x[I_CONSUMER]!;
    if (consumer >= 0) add(st, "consumer", T.L_CONSUMER, T.CONSUMER_PTS[consumer]!, T.CONSUMER_REASONS[consumer]!);
  }

  if (sec & SEC_LATENCY) {
    const latency = x[I_LATENCY]!;
    if (known(latency)) {
      const t = tierIndex(latency, T.LATENCY_TIERS_MS);
      add(st, "latency-budget", T.L_LATENCY, T.LATENCY_PTS[t]!, rec ? `A p99 budget of ${formatDurationMs(latency)} ${T.LATENCY_REASONS[t]}` : null);
      rec?.nearCheck("latencyBudgetMs", latency, T.LATENCY_TIERS_MS, "latency-budget");
    }
  }

  if (sec & SEC_STALENESS) {
    const staleness = x[I_STALENESS]!;
    if (known(staleness)) {
      const t = tierIndex(staleness, T.STALENESS_TIERS_S);
      add(st, "staleness", T.L_STALENESS, T.STALENESS_PTS[t]!, rec ? `With ${formatDurationSeconds(staleness)} of staleness allowed, ${T.STALENESS_REASONS[t]}` : null);
      rec?.nearCheck("maxStalenessSeconds", staleness, T.STALENESS_TIERS_S, "staleness");
    }
  }

  if (sec & SEC_FRESHNESS) {
    const freshness = x[I_FRESHNESS]!;
    if (freshness >= 0) {
      add(st, "feature-freshness", T.L_FRESHNESS, T.FRESHNESS_PTS[freshness]!, T.FRESHNESS_REASONS[freshness]!);
    }
  }

  if (sec & SEC_ENUMERABLE) {
    const enumerable = x[I_ENUMERABLE]!;
    if (enumerable === 1) add(st, "inputs-enumerable", T.L_ENUM, T.PTS_ENUMERABLE_YES, "Every input can be enumerated before it is needed, so predictions can be precomputed.");
    else if (enumerable === 0) {
      add(st, "inputs-enumerable", T.L_ENUM, T.PTS_ENUMERABLE_NO, "Inputs cannot be enumerated in advance: a precomputed layer can only cover part of the traffic.");
    }
  }

  if (sec & SEC_SOURCE) {
    const source = x[I_SOURCE]!;
    if (source >= 0) add(st, "input-source", T.L_SOURCE, T.SOURCE_PTS[source]!, T.SOURCE_REASONS[source]!);
  }

  if (sec & SEC_DELIVERY) {
    const delivery = x[I_DELIVERY]!;
    if (delivery >= 0) add(st, "delivery-mode", T.L_DELIVERY, T.DELIVERY_PTS[delivery]!, T.DELIVERY_REASONS[delivery]!);
  }

  if (sec & SEC_FALLBACK) {
    const fallback = x[I_FALLBACK]!;
    const crit = x[I_CRITICALITY]!;
    if (fallback === 1)
      add(st, "fallback", T.L_FALLBACK, T.PTS_FALLBACK_YES, "A slightly stale precomputed answer may stand in when live scoring fails or is slow: exactly what the hybrid pattern provides.");
    else if (fallback === 0) add(st, "fallback", T.L_FALLBACK, T.PTS_FALLBACK_NO, "No stale fallback is acceptable, so a precomputed fallback layer adds cost without a use.");
    if (crit === 0) add(st, "criticality", T.L_CRIT, T.PTS_CRITICALITY_LOW, "Low criticality favours the simplest thing that works.");
    else if (crit >= 2 && fallback === 1)
      add(st, "criticality", T.L_CRIT, T.PTS_CRITICALITY_HIGH_FALLBACK, "High criticality with an acceptable fallback: a precomputed layer keeps answers flowing when the live path fails.");
  }

  if (sec & SEC_OFFLINE) {
    const offline = x[I_OFFLINE]!;
    if (offline === 1) {
      add(st, "offline", T.L_OFFLINE, T.PTS_OFFLINE_YES, "Must work without network or keep data on the device: only on-device inference satisfies this.");
      block(st, NOT_EDGE, "offline-required", F_OFFLINE_OR_ON_DEVICE, rec ? "The use case must work offline or keep data on the device; any server-side strategy violates that." : null);
    } else if (offline === 0) {
      add(st, "offline", T.L_OFFLINE, T.PTS_OFFLINE_NO, "Nothing requires on-device operation; shipping the model to devices adds release, update and monitoring burden.");
    }
  }

  // payload size: points only (the documented limits are hard: feasibility.ts)
  if (sec & SEC_PAYLOAD) {
    const payload = x[I_PAYLOAD]!;
    if (known(payload)) {
      rec?.nearCheck("payloadMB", payload, [PLATFORM_LIMITS.syncPayloadWarnMB, PLATFORM_LIMITS.syncPayloadMB, PLATFORM_LIMITS.dedicatedPayloadMB, PLATFORM_LIMITS.asyncPayloadMB], "payload");
      if (payload > PLATFORM_LIMITS.syncPayloadWarnMB) {
        add(st, "payload", T.L_PAYLOAD, T.PTS_PAYLOAD_OVER_1MB, rec ? `A ${formatMegabytes(payload)} payload is heavy for a synchronous call: staged processing (queue or bulk job reading object storage) handles it more easily.` : null);
        if (rec && payload <= PLATFORM_LIMITS.dedicatedPayloadMB)
          advisory(st, "payload-over-shared-endpoint", R_AND_S, F_PAYLOAD_MB, `A ${formatMegabytes(payload)} payload is above the 1.5 MB of Vertex AI shared public endpoints (dedicated endpoints accept 10 MB) and the default 1 MiB Kinesis record: check the chosen platform.`, LIMIT_SOURCES.syncPayloadWarn, ["sharedPublicPayloadMB", "dedicatedPayloadMB"]);
      }
    }
  }

  // processing time: points only (time-outs and the latency budget are hard: feasibility.ts)
  if (sec & SEC_PROCESSING) {
    const processing = x[I_PROCESSING]!;
    if (known(processing)) {
      rec?.nearCheck("processingTimeMs", processing, [10_000, PLATFORM_LIMITS.syncTimeoutMs, PLATFORM_LIMITS.asyncTimeoutMs], "processing-time");
      if (processing >= 10_000)
        add(st, "processing-time", T.L_PROCESSING, T.PTS_PROCESSING_OVER_10S, rec ? `${formatDurationMs(processing)} per prediction holds a connection and a replica per request; a queue decouples the caller.` : null);
    }
  }

  if (sec & SEC_TRAFFIC) {
    const peak = x[I_PEAK]!;
    const avg = x[I_AVG]!;
    const idle = x[I_IDLE]!;
    if (known(peak) && known(avg) && avg > 0 && peak >= 10 * avg)
      add(st, "traffic-burstiness", T.L_TRAFFIC, T.PTS_TRAFFIC_BURSTINESS, rec ? `Traffic is bursty (peak ${formatNumber(peak / avg, 1)}x the average): a queue absorbs spikes; an endpoint must be provisioned for the peak.` : null);
    if (known(peak) && peak < 0.01)
      add(st, "traffic-volume", T.L_TRAFFIC, T.PTS_TRAFFIC_VOLUME, rec ? `At most ${formatNumber(peak, 4)} requests per second: an always-on endpoint or stream processor would sit idle almost all the time.` : null);
    if (known(idle) && idle >= 12 && !e.rtScaleToZeroAllowed) {
      add(st, "idle-hours", T.L_TRAFFIC, T.PTS_IDLE_HOURS, rec ? `Idle ${formatNumber(idle, 1)} h a day and cold starts (~${formatDurationSeconds(e.rtColdStartS)}) not tolerated: always-on replicas are paid while idle.` : null);
      rec?.nearCheck("idleHoursPerDay", idle, [12], "idle-hours");
    }
  }

  // share of entities needing predictions (wasted batch work)
  if (sec & SEC_ACTIVE) {
    const activeShare = x[I_ACTIVE]!;
    if (known(activeShare)) {
      rec?.nearCheck("activeSharePercent", activeShare, [10, 50, 80], "active-share");
      if (activeShare < 10)
        add(st, "active-share", T.L_ACTIVE, T.PTS_ACTIVE_UNDER_10, rec ? `Only ${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full batch run wastes most of its work.` : null);
      else if (activeShare < 50)
        add(st, "active-share", T.L_ACTIVE, T.PTS_ACTIVE_UNDER_50, rec ? `${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full batch run wastes over half of its work.` : null);
      else if (activeShare >= 80)
        add(st, "active-share", T.L_ACTIVE, T.PTS_ACTIVE_OVER_80, rec ? `${formatNumber(activeShare, 1)}% of entities need a prediction per period: a full run wastes little.` : null);
    }
  }

  // batch cadence: below 15 minutes a batch is micro-batching (whether it can refresh in time at all is feasibility.ts)
  if (sec & SEC_BATCH_RUN) {
    const staleness = x[I_STALENESS]!;
    if (known(staleness)) {
      const cadence = e.bCadenceS;
      if (known(cadence) && cadence < ASSUMPTIONS.microBatchCadenceSeconds)
        soft(st, "batch-cadence-below-15min", T.L_BATCHRUN, T.PTS_BATCH_CADENCE_BELOW_15MIN, F_MAX_STALENESS_SECONDS, rec ? `To stay within ${formatDurationSeconds(staleness)} of staleness the batch would have to run every ${formatDurationSeconds(cadence)}: that is micro-batching, better served by streaming or on-request scoring.` : null, null);
      rec?.nearCheck("maxStalenessSeconds", staleness, [ASSUMPTIONS.microBatchCadenceSeconds], "batch-cadence");
    }
  }

  if (sec & SEC_DEVICE_FIT) {
    const model = x[I_MODEL]!;
    if (known(model)) {
      rec?.nearCheck("modelSizeGB", model, [0.2, PLATFORM_LIMITS.edgeModelGB], "edge-model-size");
      if (model > PLATFORM_LIMITS.edgeModelGB)
        soft(st, "edge-model-size", T.L_EDGE, T.PTS_EDGE_MODEL_OVER_1GB, F_MODEL_SIZE_GB, rec ? `A ${formatNumber(model, 2)} GB model is too large to ship comfortably to phones or browsers.` : null, LIMIT_SOURCES.edgeModel);
      else if (model > 0.2) add(st, "edge-model-size", T.L_EDGE, T.PTS_EDGE_MODEL_OVER_200MB, rec ? `A ${formatNumber(model, 2)} GB model is sizeable for a device download.` : null);
    }
    if (x[I_GPU] === 1)
      add(st, "needs-gpu", T.L_EDGE, T.PTS_NEEDS_GPU, "The model needs a GPU: device accelerators vary widely, and GPU replicas make idle endpoints expensive.");
  }

  // operational burden: moving parts beyond 3 (parts.ts)
  if (sec & SEC_COMPLEXITY) {
    for (let s = 0; s < N_STRATEGIES; s++) {
      const parts = movingParts(st, s);
      const pts = parts > 3 ? -2 * (parts - 3) : 0;
      if (pts !== 0)
        addOne(st, s, "complexity", T.L_COMPLEXITY, pts, rec ? `${parts} moving parts to build and operate (${e.movingParts[s]!.join(", ")}); 1 point off per part beyond 3.` : null);
    }
  }
}

/** Every section, in the order they are applied: the answers and the estimates each reads. */
export const SECTIONS: readonly Section[] = [
  { bit: SEC_CONSUMER, name: "consumer", reads: ["consumer"], estimates: [] },
  { bit: SEC_LATENCY, name: "latency budget", reads: ["latencyBudgetMs"], estimates: [] },
  { bit: SEC_STALENESS, name: "staleness", reads: ["maxStalenessSeconds"], estimates: [] },
  { bit: SEC_FRESHNESS, name: "feature freshness", reads: ["featureFreshness"], estimates: [] },
  { bit: SEC_ENUMERABLE, name: "enumerable inputs", reads: ["inputsEnumerable"], estimates: [] },
  { bit: SEC_SOURCE, name: "input source", reads: ["inputSource"], estimates: [] },
  { bit: SEC_DELIVERY, name: "delivery", reads: ["deliveryMode"], estimates: [] },
  { bit: SEC_FALLBACK, name: "fallback and criticality", reads: ["fallbackAcceptable", "criticality"], estimates: [] },
  { bit: SEC_OFFLINE, name: "offline", reads: ["offlineOrOnDevice"], estimates: [], blocks: true },
  { bit: SEC_PAYLOAD, name: "payload", reads: ["payloadMB"], estimates: [] },
  { bit: SEC_PROCESSING, name: "processing time", reads: ["processingTimeMs"], estimates: [] },
  { bit: SEC_TRAFFIC, name: "traffic shape", reads: ["peakRequestsPerSecond", "avgRequestsPerSecond", "idleHoursPerDay"], estimates: [COLD_START] },
  { bit: SEC_ACTIVE, name: "active share", reads: ["activeSharePercent"], estimates: [] },
  { bit: SEC_BATCH_RUN, name: "batch run", reads: ["maxStalenessSeconds"], estimates: [BATCH_RUN] },
  { bit: SEC_DEVICE_FIT, name: "device fit", reads: ["modelSizeGB", "needsGpu"], estimates: [] },
  { bit: SEC_COMPLEXITY, name: "operational burden", reads: ["featureFreshness"], estimates: [] },
];
