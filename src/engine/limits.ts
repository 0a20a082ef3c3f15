/**
 * Every platform limit and engine heuristic the rules apply, in ONE sourced table (engine 2.0.0).
 * Each entry: value, unit, vendor, URL, the date it was checked, and its kind:
 *  - "documented": a vendor's published limit, checked against the vendor page on `checked`;
 *  - "heuristic": an engine assumption (cold starts, overheads, hit rates, device slowdown...),
 *    labelled as such wherever a rule that uses it fires.
 * A limit that a strategy crosses makes it infeasible (rules.ts, feasibility); heuristics only
 * estimate. docs/engine.md renders this table (scripts/engine-doc.ts; a unit test keeps it in sync).
 */

export type SourceKind = "documented" | "heuristic";

export interface SourcedValue {
  readonly value: number;
  readonly unit: string;
  readonly vendor: string;
  readonly url: string;
  /** ISO date the value was checked against `url`. */
  readonly checked: string;
  readonly kind: SourceKind;
  /** What it limits, in a sentence. */
  readonly note: string;
}

const CHECKED = "2026-12-01";
const ENGINE = "Servewise engine";
const ENGINE_DOC = "docs/engine.md";

/** Written for a documented value taken from the vendor's docs but not re-checked against the page when 2.0.0 was built. */
export const NOT_RECHECKED = "not re-checked";

function documented(value: number, unit: string, vendor: string, url: string, note: string, checked: string = CHECKED): SourcedValue {
  return { value, unit, vendor, url, checked, kind: "documented", note };
}
function heuristic(value: number, unit: string, note: string): SourcedValue {
  return { value, unit, vendor: ENGINE, url: ENGINE_DOC, checked: CHECKED, kind: "heuristic", note };
}

export const LIMITS = {
  // --- real-time, always-on (SageMaker real-time endpoint) ---
  realtimePayloadMB: documented(6, "MB", "AWS SageMaker real-time (InvokeEndpoint)", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html", "Request and response body of a synchronous endpoint."),
  realtimeTimeoutS: documented(60, "s", "AWS SageMaker real-time (InvokeEndpoint)", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html", "The container must answer a synchronous invocation within this time."),
  // --- real-time, dedicated (Vertex AI dedicated public endpoint) ---
  dedicatedPayloadMB: documented(10, "MB", "Google Vertex AI dedicated public endpoint", "https://cloud.google.com/vertex-ai/docs/predictions/using-dedicated-endpoints", "Request payload of a dedicated endpoint (shared public endpoints: 1.5 MB)."),
  dedicatedTimeoutS: documented(3_600, "s", "Google Vertex AI dedicated public endpoint", "https://cloud.google.com/vertex-ai/docs/predictions/create-public-endpoint", "Inference timeout of a dedicated endpoint, configurable up to 1 h (default 10 min)."),
  sharedPublicPayloadMB: documented(1.5, "MB", "Google Vertex AI shared public endpoint", "https://cloud.google.com/vertex-ai/docs/predictions/choose-endpoint-type", "Request payload of a shared public endpoint (60 s timeout); dedicated endpoints allow more.", NOT_RECHECKED),
  // --- real-time, scale to zero (SageMaker Serverless Inference) ---
  serverlessPayloadMB: documented(4, "MB", "AWS SageMaker Serverless Inference", "https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html", "Request payload of a serverless endpoint.", NOT_RECHECKED),
  serverlessTimeoutS: documented(60, "s", "AWS SageMaker Serverless Inference", "https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html", "Invocation timeout of a serverless endpoint.", NOT_RECHECKED),
  serverlessMaxConcurrency: documented(200, "concurrent requests", "AWS SageMaker Serverless Inference", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantServerlessConfig.html", "MaxConcurrency per serverless endpoint (valid range 1-200)."),
  serverlessMaxMemoryGB: documented(6, "GB", "AWS SageMaker Serverless Inference", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantServerlessConfig.html", "MemorySizeInMB 1024-6144: the model and its runtime must fit; no GPUs."),
  // --- asynchronous (SageMaker Asynchronous Inference) ---
  asyncPayloadMB: documented(1_000, "MB", "AWS SageMaker Asynchronous Inference", "https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference.html", "Payload staged in S3 (up to 1 GB)."),
  asyncTimeoutS: documented(3_600, "s", "AWS SageMaker Asynchronous Inference", "https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-invoke-endpoint.html", "InvocationTimeoutSeconds up to 1 h per request (default 15 min)."),
  // --- streaming (Kinesis Data Streams) ---
  streamRecordMB: documented(10, "MiB", "Amazon Kinesis Data Streams", "https://docs.aws.amazon.com/streams/latest/dev/large-records.html", "Largest record once a stream's maximum record size is raised (default 1 MiB)."),
  streamShardWriteMBps: documented(1, "MB/s", "Amazon Kinesis Data Streams", "https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html", "Write throughput of one shard (shards are sized by it)."),
  streamShardWriteRecordsPerS: documented(1_000, "records/s", "Amazon Kinesis Data Streams", "https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html", "Records written per second per shard."),
  // --- batch (SageMaker Batch Transform; per-item jobs: SageMaker Processing) ---
  batchMiniBatchMB: documented(100, "MB", "AWS SageMaker Batch Transform", "https://docs.aws.amazon.com/sagemaker/latest/dg/batch-transform-errors.html", "MaxPayloadInMB: one mini-batch (so one item) at most 100 MB."),
  batchInvocationS: documented(3_600, "s", "AWS SageMaker Batch Transform", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelClientConfig.html", "InvocationsTimeoutInSeconds: one invocation (one item) at most 1 h."),
  jobMaxRuntimeS: documented(432_000, "s", "AWS SageMaker Processing", "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingStoppingCondition.html", "MaxRuntimeInSeconds of one job (5 days): the bound of a per-item triggered job.", NOT_RECHECKED),
  // --- model size per replica / device ---
  gpuMemoryGB: documented(24, "GB", "AWS EC2 G5 (NVIDIA A10G)", "https://aws.amazon.com/ec2/instance-types/g5/", "Memory of the GPU priced as one GPU replica.", NOT_RECHECKED),
  maxGpusPerReplica: documented(8, "GPUs", "AWS EC2 G5 / P4d / P5", "https://aws.amazon.com/ec2/instance-types/p5/", "GPUs in the largest single node; a model sharded wider needs multi-node serving.", NOT_RECHECKED),
  maxGpuReplicaMemoryGB: documented(640, "GB", "AWS EC2 P4de / P5 (8 x 80 GB)", "https://aws.amazon.com/ec2/instance-types/p5/", "GPU memory of the largest single node: the largest model one replica holds.", NOT_RECHECKED),
  cpuReplicaMemoryGB: documented(16, "GiB", "AWS SageMaker ml.m5.xlarge", "https://aws.amazon.com/sagemaker/pricing/", "Memory of the instance priced as one CPU replica.", NOT_RECHECKED),
  maxCpuReplicaMemoryGB: documented(768, "GiB", "AWS SageMaker ml.r5.24xlarge", "https://aws.amazon.com/sagemaker/pricing/", "Memory of the largest CPU instance: the largest model one CPU replica holds.", NOT_RECHECKED),
  cpuConcurrencyPerReplica: documented(4, "vCPU", "AWS SageMaker ml.m5.xlarge", "https://aws.amazon.com/sagemaker/pricing/", "vCPUs of one CPU replica: CPU-bound requests it serves at once (one worker per vCPU).", NOT_RECHECKED),
  // --- edge ---
  edgeComfortModelGB: heuristic(1, "GB", "Largest model shipped comfortably to phones and browsers (download size, memory)."),
  edgeMaxModelGB: heuristic(4, "GB", "Largest model a capable device runs at all: beyond it edge is infeasible."),
  edgeSlowdown: heuristic(2, "x", "Devices are assumed this many times slower than a server replica."),
  // --- capacity model ---
  targetUtilisation: heuristic(0.7, "fraction", "Utilisation replicas, workers and consumers are sized for (60-75% band)."),
  waitExceedTarget: heuristic(0.01, "probability", "Latency target: P(queue wait > budget - processing) at most this (Erlang C)."),
  gpuDynamicBatchMax: heuristic(8, "requests", "Largest dynamic batch a GPU replica forms (Triton/TorchServe style)."),
  gpuContinuousBatchMax: heuristic(32, "requests", "Largest continuous batch of a GPU replica serving a large (>= 10 GB) model."),
  continuousBatchingModelGB: heuristic(10, "GB", "Models this large are served with continuous batching (LLM-style servers)."),
  batchSlowdownPerItem: heuristic(0.1, "fraction", "Each extra request in a GPU batch lengthens the batch by this share of one request."),
  dynamicBatchWindowMs: heuristic(10, "ms", "Queue delay a dynamic batcher waits to fill a batch (added latency)."),
  modelMemoryOverhead: heuristic(1.2, "x", "Memory for a model = size x this (activations, KV cache, runtime)."),
  // --- latency floors and overheads ---
  networkRoundTripMs: heuristic(1, "ms", "Least round trip of a request to a server in the same region: tighter budgets rule out every server-side path."),
  minInferenceMs: heuristic(0.1, "ms", "Least time any model inference takes, on any hardware: tighter budgets rule out every strategy."),
  lookupLatencyMs: heuristic(10, "ms", "p99 of reading a precomputed prediction from a key-value store."),
  asyncOverheadMs: heuristic(1_000, "ms", "Queue and result-delivery overhead of an asynchronous request."),
  streamOverheadMs: heuristic(1_000, "ms", "Poll/commit interval added to streaming latency."),
  coldStartBaseCpuS: heuristic(10, "s", "Cold start of a CPU replica before the model loads."),
  coldStartBaseGpuS: heuristic(60, "s", "Cold start of a GPU replica before the model loads."),
  coldStartPerGbS: heuristic(5, "s/GB", "Model load time per GB during a cold start."),
  serverlessMemoryPerModelGb: heuristic(2, "GB/GB", "Serverless memory = max(1, 2 x model size) GB."),
  // --- batch ---
  batchOverheadSeconds: heuristic(300, "s", "Scheduling and spin-up overhead of one batch run or one triggered job."),
  batchTargetWindowSeconds: heuristic(3_600, "s", "A scheduled run is sized to finish within min(this, cadence / 2)."),
  batchWorkerQuota: heuristic(100, "workers", "Typical default account quota of batch instances: more need a quota increase (a warning, not a blocker)."),
  defaultCadenceSeconds: heuristic(86_400, "s", "Cadence assumed when the allowed staleness is unknown."),
  microBatchCadenceSeconds: heuristic(900, "s", "Cadence below which a batch is really micro-batching."),
  // --- hybrid ---
  hybridHitRateEnumerable: heuristic(0.9, "fraction", "Share of hybrid requests answered from the store when inputs are enumerable."),
  hybridHitRateNotEnumerable: heuristic(0.5, "fraction", "Share answered from the store when inputs are not enumerable."),
  // --- cost ---
  absurdCostUsd: heuristic(10_000_000, "USD/month", "A monthly estimate above this is flagged as implausible: check the answers."),
} as const satisfies Record<string, SourcedValue>;

export type LimitId = keyof typeof LIMITS;

/** Natural cadences a scheduler offers, longest first, seconds (30 d, 7 d, 1 d, 6 h, 1 h, 15 min). */
export const BATCH_CADENCES_S: readonly number[] = [2_592_000, 604_800, 86_400, 21_600, 3_600, 900];

/**
 * 1.x names, derived from LIMITS (kept for the modules that read them: the breakpoints of
 * whatif.ts). Milliseconds where 1.x used milliseconds.
 */
export const PLATFORM_LIMITS = {
  syncPayloadMB: LIMITS.realtimePayloadMB.value,
  syncPayloadWarnMB: LIMITS.sharedPublicPayloadMB.value,
  syncTimeoutMs: LIMITS.realtimeTimeoutS.value * 1000,
  dedicatedPayloadMB: LIMITS.dedicatedPayloadMB.value,
  dedicatedTimeoutMs: LIMITS.dedicatedTimeoutS.value * 1000,
  asyncPayloadMB: LIMITS.asyncPayloadMB.value,
  asyncTimeoutMs: LIMITS.asyncTimeoutS.value * 1000,
  streamRecordMB: LIMITS.streamRecordMB.value,
  edgeModelGB: LIMITS.edgeComfortModelGB.value,
  edgeMaxModelGB: LIMITS.edgeMaxModelGB.value,
  serverlessMaxMemoryGB: LIMITS.serverlessMaxMemoryGB.value,
  serverlessMaxConcurrency: LIMITS.serverlessMaxConcurrency.value,
  batchMiniBatchMB: LIMITS.batchMiniBatchMB.value,
  batchInvocationMs: LIMITS.batchInvocationS.value * 1000,
  jobMaxRuntimeMs: LIMITS.jobMaxRuntimeS.value * 1000,
} as const;

/** 1.x engine assumptions, derived from LIMITS. */
export const ASSUMPTIONS = {
  waitExceedTarget: LIMITS.waitExceedTarget.value,
  /** N+1: high and critical use cases keep at least this many replicas. */
  minReplicasCritical: 2,
  batchOverheadSeconds: LIMITS.batchOverheadSeconds.value,
  batchTargetWindowSeconds: LIMITS.batchTargetWindowSeconds.value,
  batchMaxWorkers: LIMITS.batchWorkerQuota.value,
  batchCadencesSeconds: BATCH_CADENCES_S,
  microBatchCadenceSeconds: LIMITS.microBatchCadenceSeconds.value,
  defaultCadenceSeconds: LIMITS.defaultCadenceSeconds.value,
  asyncTargetUtilisation: LIMITS.targetUtilisation.value,
  streamTargetUtilisation: LIMITS.targetUtilisation.value,
  targetUtilisation: LIMITS.targetUtilisation.value,
  asyncOverheadMs: LIMITS.asyncOverheadMs.value,
  streamOverheadMs: LIMITS.streamOverheadMs.value,
  streamRecordsPerShardPerSecond: LIMITS.streamShardWriteRecordsPerS.value,
  lookupLatencyMs: LIMITS.lookupLatencyMs.value,
  hybridHitRateEnumerable: LIMITS.hybridHitRateEnumerable.value,
  hybridHitRateNotEnumerable: LIMITS.hybridHitRateNotEnumerable.value,
  edgeSlowdown: LIMITS.edgeSlowdown.value,
  coldStartBaseCpuS: LIMITS.coldStartBaseCpuS.value,
  coldStartBaseGpuS: LIMITS.coldStartBaseGpuS.value,
  coldStartPerGbS: LIMITS.coldStartPerGbS.value,
  serverlessMemoryPerModelGb: LIMITS.serverlessMemoryPerModelGb.value,
  hoursPerMonth: 730,
  /** An answer within this ratio of a rule threshold counts as "close" for confidence. */
  nearThresholdRatio: 0.15,
} as const;

/** One-line source texts of 1.x (constraint.source), built from the table. */
function cite(...ids: LimitId[]): string {
  return ids
    .map((id) => {
      const l = LIMITS[id];
      return `${l.kind === "heuristic" ? "Engine heuristic" : "Documented"}: ${l.vendor}, ${l.value} ${l.unit} (${l.url}, checked ${l.checked})`;
    })
    .join("; ");
}

export const LIMIT_SOURCES = {
  syncPayload: cite("realtimePayloadMB", "dedicatedPayloadMB", "serverlessPayloadMB"),
  syncPayloadWarn: cite("sharedPublicPayloadMB"),
  syncTimeout: cite("realtimeTimeoutS", "dedicatedTimeoutS", "serverlessTimeoutS"),
  asyncPayload: cite("asyncPayloadMB"),
  asyncTimeout: cite("asyncTimeoutS"),
  streamRecord: cite("streamRecordMB"),
  serverless: cite("serverlessMaxMemoryGB", "serverlessMaxConcurrency"),
  edgeModel: cite("edgeComfortModelGB", "edgeMaxModelGB"),
} as const;
