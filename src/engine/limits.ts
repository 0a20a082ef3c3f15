/**
 * Documented platform limits and engine assumptions. Limits are "commonly documented"
 * values from the named vendors' public documentation at the time of ENGINE_VERSION 1.0.0;
 * they change, so rules built on them are `soft` (a reviewer may override with a reason).
 */
export const PLATFORM_LIMITS = {
  /** Synchronous endpoint payload (request + response), MB. SageMaker real-time ~6 MB. */
  syncPayloadMB: 6,
  /** Payload above which some synchronous endpoints already refuse (Vertex AI online prediction 1.5 MB). */
  syncPayloadWarnMB: 1,
  /** Synchronous request timeout, ms. SageMaker real-time: container must answer within 60 s. */
  syncTimeoutMs: 60_000,
  /** Queued asynchronous endpoint payload, MB. SageMaker Asynchronous Inference: up to 1 GB. */
  asyncPayloadMB: 1_000,
  /** Queued asynchronous processing time, ms. SageMaker Asynchronous Inference: up to 1 hour. */
  asyncTimeoutMs: 3_600_000,
  /** Stream record size, MB. Kinesis Data Streams 1 MB per record; Kafka's default max message ~1 MB. */
  streamRecordMB: 1,
  /** Largest model shipped comfortably to phones/browsers, GB (engine heuristic). */
  edgeModelGB: 1,
  /** Serverless endpoint memory ceiling, GB. SageMaker Serverless Inference: 1-6 GB, CPU only. */
  serverlessMaxMemoryGB: 6,
} as const;

export const LIMIT_SOURCES = {
  syncPayload:
    "Commonly documented: AWS SageMaker real-time InvokeEndpoint ~6 MB request/response (Serverless Inference 4 MB); Google Vertex AI online prediction 1.5 MB per request; Databricks Model Serving 16 MB per request.",
  syncPayloadWarn:
    "Commonly documented: Google Vertex AI online prediction accepts requests up to 1.5 MB; Kinesis Data Streams and Kafka (default) cap records near 1 MB.",
  syncTimeout:
    "Commonly documented: AWS SageMaker real-time endpoints must answer within 60 s; Databricks Model Serving allows 297 s of model execution; Azure ML managed online endpoints default to a 5 s request timeout (configurable).",
  asyncPayload: "Commonly documented: AWS SageMaker Asynchronous Inference accepts payloads up to 1 GB (staged in S3).",
  asyncTimeout:
    "Commonly documented: AWS SageMaker Asynchronous Inference processes a request for up to 1 hour (default invocation timeout 15 min).",
  streamRecord: "Commonly documented: Amazon Kinesis Data Streams 1 MB per record; Apache Kafka message.max.bytes default ~1 MB.",
  serverless:
    "Commonly documented: AWS SageMaker Serverless Inference offers 1-6 GB of memory, no GPUs, and cold starts on the first request after idle.",
  edgeModel: "Engine heuristic: models above ~1 GB strain phone/browser download size and memory.",
} as const;

/** Modelling assumptions (documented in docs/engine.md). */
export const ASSUMPTIONS = {
  /** Latency target: P(wait > budget - processing) <= this. */
  waitExceedTarget: 0.01,
  /** Replicas kept for availability at high/critical criticality. */
  minReplicasCritical: 2,
  /** Scheduling + spin-up overhead of one batch run, seconds. */
  batchOverheadSeconds: 300,
  /** Batch sizing: enough workers to finish the scoring work within this window, seconds. */
  batchTargetWindowSeconds: 3_600,
  batchMaxWorkers: 100,
  /** Natural cadences a scheduler offers, longest first, seconds (30 d, 7 d, 1 d, 6 h, 1 h, 15 min). */
  batchCadencesSeconds: [2_592_000, 604_800, 86_400, 21_600, 3_600, 900] as readonly number[],
  /** Cadence below which "batch" is really micro-batching, seconds. */
  microBatchCadenceSeconds: 900,
  /** Cadence assumed when the allowed staleness is unknown, seconds. */
  defaultCadenceSeconds: 86_400,
  /** Utilisation the async workers and stream consumers are sized for. */
  asyncTargetUtilisation: 0.7,
  streamTargetUtilisation: 0.7,
  /** Queue + result-delivery overhead added to async latency, ms. */
  asyncOverheadMs: 1_000,
  /** Poll/commit interval added to streaming latency, ms. */
  streamOverheadMs: 1_000,
  streamRecordsPerShardPerSecond: 1_000,
  /** Lookup latency of a precomputed prediction in a key-value store, ms. */
  lookupLatencyMs: 10,
  /** Share of hybrid requests answered from the precomputed store. */
  hybridHitRateEnumerable: 0.9,
  hybridHitRateNotEnumerable: 0.5,
  /** Devices are assumed this many times slower than a server replica. */
  edgeSlowdown: 2,
  /** Cold start = base + perGB x model size, seconds. */
  coldStartBaseCpuS: 10,
  coldStartBaseGpuS: 60,
  coldStartPerGbS: 5,
  /** Serverless memory = max(1, 2 x model size) GB. */
  serverlessMemoryPerModelGb: 2,
  hoursPerMonth: 730,
  /** An answer within this ratio of a rule threshold counts as "close" for confidence. */
  nearThresholdRatio: 0.15,
} as const;
