/**
 * The rule tables: raw points per factor answer for [batch, realtime, async, streaming, hybrid,
 * edge] (docs/engine.md §2-3), the reasons shown with them, and the factor labels. Data only;
 * the rules that apply them are in rules.ts.
 */
import type { Pts } from "./state";

export const CONSUMER_PTS: readonly Pts[] = [
  [-5, 15, -20, -10, 10, 5], // user-request
  [-5, 15, 0, -5, 5, -25], // service-request
  [-5, -10, 5, 20, -5, -25], // event-pipeline
  [15, -10, 15, -5, -5, -25], // human-later
  [25, -15, -5, -10, -10, -30], // report
];
export const CONSUMER_REASONS = [
  "A person waits on each request, so the prediction must be produced (or looked up) in the request path.",
  "Another service calls synchronously and waits for the prediction in its own request path; a device runtime does not apply.",
  "Predictions feed an event pipeline: scoring each event as it arrives fits; a synchronous endpoint or a device runtime adds little.",
  "A person looks at the predictions later, so they can be computed ahead of time or queued; nothing needs to run on a device.",
  "Predictions feed a report read later: bulk precomputation fits best; an always-on endpoint or a device runtime buys nothing.",
];

export const LATENCY_TIERS_MS = [50, 1_000, 60_000, 3_600_000] as const;
export const LATENCY_PTS: readonly Pts[] = [
  [-10, 10, -30, -20, 10, 15],
  [-5, 10, -15, -10, 5, 5],
  [0, 5, 5, 0, 0, 0],
  [5, -5, 15, 5, -5, -5],
  [10, -10, 10, 5, -10, -5],
];
export const LATENCY_REASONS = [
  "leaves no room for queues or cross-network hops: only a warm endpoint, a precomputed lookup or on-device inference fit.",
  "needs a synchronous path (an endpoint or a precomputed lookup); queues and streams are too slow.",
  "allows a synchronous endpoint or a fast queue.",
  "suits queued (asynchronous) processing; an always-on endpoint is more than needed.",
  "means nobody is waiting: scheduled or queued processing fits.",
];

export const STALENESS_TIERS_S = [1, 60, 3_600, 86_400] as const;
export const STALENESS_PTS: readonly Pts[] = [
  [-30, 15, 0, -10, -10, 10],
  [-20, 5, 0, 15, -5, 5],
  [-5, 0, 0, 10, 5, 0],
  [10, -5, 0, -5, 10, 0],
  [20, -10, 0, -10, 5, 0],
];
export const STALENESS_REASONS = [
  "predictions must reflect the latest state when used, so they cannot be computed long in advance.",
  "scoring events as they arrive (streaming) or on request fits; scheduled batches are too slow.",
  "frequent refreshes, streaming or a cached precompute keep up.",
  "scheduled batch runs keep predictions fresh enough.",
  "a daily or less frequent batch run is enough.",
];

export const FRESHNESS_PTS: readonly Pts[] = [
  [0, 15, 5, -5, -20, 5], // request (batch is hard-blocked separately)
  [-20, 10, 0, 15, -5, 0], // seconds
  [-5, 5, 0, 10, 5, 0], // minutes
  [10, 0, 0, -5, 10, 0], // hours
  [20, -5, 0, -15, 5, 0], // daily
];
export const FRESHNESS_REASONS = [
  "The model needs inputs that only exist at request time, so predictions cannot be computed ahead of time.",
  "Inputs change within seconds: precomputed predictions go stale quickly; event-driven or on-request scoring keeps up.",
  "Inputs change within minutes: streaming or frequent refreshes keep up.",
  "Inputs change hourly: periodic precomputation keeps up.",
  "Inputs change daily: one run a day captures every change.",
];

export const SOURCE_PTS: readonly Pts[] = [
  [-5, 10, 5, -10, 5, -10], // http-request
  [-5, -5, 0, 20, -5, -20], // event-stream
  [15, -5, 0, -5, 5, -20], // database-table
  [10, -10, 10, -10, -5, -20], // files
  [-10, 0, -5, -10, -5, 20], // device
];
export const SOURCE_REASONS = [
  "Inputs arrive with each HTTP request.",
  "Inputs arrive as events on a stream: a stream processor consumes them natively.",
  "Inputs sit in a database table: a scheduled job reads them in bulk efficiently; a device cannot reach them.",
  "Inputs arrive as files: bulk jobs or queued processing handle them; synchronous endpoints, streams and devices fit poorly.",
  "Inputs originate on the device: scoring there avoids a network round trip.",
];

export const DELIVERY_PTS: readonly Pts[] = [
  [-10, 10, -10, -10, 5, 5], // response
  [-5, -5, 20, 5, -5, -5], // callback
  [10, -10, -5, 10, 0, -10], // table
  [15, -10, 5, -10, -5, -10], // file
];
export const DELIVERY_REASONS = [
  "Results are returned in the response to the caller.",
  "Results are delivered by callback or polling: the natural shape of an asynchronous endpoint.",
  "Results are written to a table for lookup: batch jobs and stream processors write there natively.",
  "Results are delivered as files: the natural output of a batch job.",
];

// Factor labels (shown with each contribution).
export const L_CONSUMER = "Who consumes the predictions";
export const L_LATENCY = "Latency budget";
export const L_STALENESS = "Allowed staleness";
export const L_FRESHNESS = "Freshest input needed";
export const L_ENUM = "Inputs known in advance";
export const L_SOURCE = "Where inputs come from";
export const L_DELIVERY = "How results are delivered";
export const L_FALLBACK = "Stale fallback acceptable";
export const L_CRIT = "Criticality";
export const L_OFFLINE = "Offline / on-device requirement";
export const L_PAYLOAD = "Payload size";
export const L_PROCESSING = "Processing time";
export const L_TRAFFIC = "Traffic shape";
export const L_ACTIVE = "Share of entities needing predictions";
export const L_BATCHRUN = "Batch run length";
export const L_EDGE = "Fit on devices";
export const L_COST = "Cost against budget";
export const L_COMPLEXITY = "Operational burden";

// Point vectors of the rules, allocated once (the rules run in hot loops).
export const PTS_ENUMERABLE_YES: Pts = [10, 0, 0, 0, 10, 0];
export const PTS_ENUMERABLE_NO: Pts = [0, 5, 0, 5, -15, 0];
export const PTS_FALLBACK_YES: Pts = [0, 0, 0, 0, 15, 0];
export const PTS_FALLBACK_NO: Pts = [0, 0, 0, 0, -10, 0];
export const PTS_CRITICALITY_LOW: Pts = [5, -5, 0, -5, -5, 0];
export const PTS_CRITICALITY_HIGH_FALLBACK: Pts = [0, 0, 0, 0, 10, 0];
export const PTS_OFFLINE_YES: Pts = [0, 0, 0, 0, 0, 30];
export const PTS_OFFLINE_NO: Pts = [0, 0, 0, 0, 0, -15];
export const PTS_SYNC_PAYLOAD_OVER_1GB: Pts = [5, -90, 0, -10, -30, -10];
export const PTS_ASYNC_PAYLOAD_LIMIT: Pts = [5, 0, -20, 0, 0, 0];
export const PTS_SYNC_PAYLOAD_OVER_6MB: Pts = [5, -50, 10, -10, -30, -10];
export const PTS_PAYLOAD_OVER_1MB: Pts = [0, -5, 5, -5, 0, 0];
export const PTS_SYNC_TIMEOUT_OVER_1H: Pts = [5, -50, 0, -10, -30, -10];
export const PTS_ASYNC_TIMEOUT: Pts = [10, 0, -30, 0, 0, 0];
export const PTS_SYNC_TIMEOUT_OVER_60S: Pts = [5, -50, 15, -10, -30, -10];
export const PTS_PROCESSING_OVER_10S: Pts = [0, -5, 10, -5, 0, 0];
export const PTS_HYBRID_LIVE_PATH_TOO_SLOW: Pts = [0, 0, 0, 0, -15, 0];
export const PTS_TRAFFIC_BURSTINESS: Pts = [0, -5, 5, 0, 0, 0];
export const PTS_TRAFFIC_VOLUME: Pts = [5, -10, 5, -10, -5, 0];
export const PTS_IDLE_HOURS: Pts = [0, -5, 0, -5, -5, 0];
export const PTS_ACTIVE_UNDER_10: Pts = [-15, 0, 0, 0, 5, 0];
export const PTS_ACTIVE_UNDER_50: Pts = [-5, 0, 0, 0, 5, 0];
export const PTS_ACTIVE_OVER_80: Pts = [5, 0, 0, 0, 0, 0];
export const PTS_BATCH_CADENCE_BELOW_15MIN: Pts = [-20, 0, 0, 0, 0, 0];
export const PTS_EDGE_MODEL_OVER_1GB: Pts = [0, 0, 0, 0, 0, -20];
export const PTS_EDGE_MODEL_OVER_200MB: Pts = [0, 0, 0, 0, 0, -5];
export const PTS_NEEDS_GPU: Pts = [0, 0, 0, 0, 0, -10];
