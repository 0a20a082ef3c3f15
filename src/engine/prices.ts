import { z } from "zod";
import { NOT_RECHECKED, type SourcedValue } from "./limits";

const PRICES_CHECKED = "2026-12-01";

const usd = z.number().min(0).max(1_000_000);

/**
 * Unit prices used by the cost estimates. Defaults are approximate on-demand list
 * prices of the services named in docs/engine.md (us-east-1, order of magnitude).
 * Organisations override them with their negotiated rates via `assess(answers, { prices })`.
 */
export const priceTableSchema = z
  .object({
    cpuReplicaHourUsd: usd,
    gpuReplicaHourUsd: usd,
    serverlessGbSecondUsd: usd,
    batchCpuWorkerHourUsd: usd,
    batchGpuWorkerHourUsd: usd,
    queuePerMillionMessagesUsd: usd,
    streamShardHourUsd: usd,
    keyValuePerMillionReadsUsd: usd,
  })
  .strict();

export type PriceTable = z.infer<typeof priceTableSchema>;

export type PriceKey = keyof PriceTable;

/**
 * The default unit prices with their sources (same shape as LIMITS in limits.ts): on-demand list
 * prices, us-east-1. `kind` "documented" = the vendor's price page; "heuristic" = an engine
 * assumption (batch workers billed like the same instance types).
 */
export const PRICE_SOURCES = {
  cpuReplicaHourUsd: { value: 0.23, unit: "USD/hour", vendor: "AWS SageMaker ml.m5.xlarge real-time (4 vCPU, 16 GiB)", url: "https://aws.amazon.com/sagemaker/pricing/", checked: NOT_RECHECKED, kind: "documented", note: "One CPU replica." },
  gpuReplicaHourUsd: { value: 1.41, unit: "USD/hour", vendor: "AWS SageMaker ml.g5.xlarge real-time (1 NVIDIA A10G, 24 GB)", url: "https://aws.amazon.com/sagemaker/pricing/", checked: NOT_RECHECKED, kind: "documented", note: "One GPU; a model needing n GPUs costs n of these per replica." },
  serverlessGbSecondUsd: { value: 0.00002, unit: "USD/GB-second", vendor: "AWS SageMaker Serverless Inference", url: "https://aws.amazon.com/sagemaker/pricing/", checked: NOT_RECHECKED, kind: "documented", note: "Compute per GB of memory per second of processing." },
  batchCpuWorkerHourUsd: { value: 0.23, unit: "USD/hour", vendor: "Servewise engine (Batch Transform billed like ml.m5.xlarge)", url: "docs/engine.md", checked: PRICES_CHECKED, kind: "heuristic", note: "One CPU batch worker." },
  batchGpuWorkerHourUsd: { value: 1.41, unit: "USD/hour", vendor: "Servewise engine (Batch Transform billed like ml.g5.xlarge)", url: "docs/engine.md", checked: PRICES_CHECKED, kind: "heuristic", note: "One GPU batch worker." },
  queuePerMillionMessagesUsd: { value: 0.4, unit: "USD/million requests", vendor: "Amazon SQS standard queue", url: "https://aws.amazon.com/sqs/pricing/", checked: NOT_RECHECKED, kind: "documented", note: "Queue requests of asynchronous scoring." },
  streamShardHourUsd: { value: 0.015, unit: "USD/shard-hour", vendor: "Amazon Kinesis Data Streams (provisioned)", url: "https://aws.amazon.com/kinesis/data-streams/pricing/", checked: NOT_RECHECKED, kind: "documented", note: "One shard: 1 MB/s or 1,000 records/s in." },
  keyValuePerMillionReadsUsd: { value: 0.125, unit: "USD/million reads", vendor: "Amazon DynamoDB on-demand read request units (since November 2024)", url: "https://aws.amazon.com/dynamodb/pricing/on-demand/", checked: PRICES_CHECKED, kind: "documented", note: "Reads of precomputed predictions." },
} as const satisfies Record<PriceKey, SourcedValue>;

/** The default price table (the values of PRICE_SOURCES). Organisations override it with their rates. */
export const DEFAULT_PRICES: Readonly<PriceTable> = Object.freeze(
  Object.fromEntries(Object.entries(PRICE_SOURCES).map(([k, v]) => [k, v.value])) as PriceTable,
);

export function resolvePrices(overrides?: Partial<PriceTable>): PriceTable {
  const out: PriceTable = { ...DEFAULT_PRICES };
  if (overrides) {
    for (const key of Object.keys(DEFAULT_PRICES) as (keyof PriceTable)[]) {
      const v = overrides[key];
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[key] = v;
    }
  }
  return out;
}
