import { z } from "zod";

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

export const DEFAULT_PRICES: Readonly<PriceTable> = Object.freeze({
  /** ~ AWS SageMaker ml.m5.xlarge real-time instance (4 vCPU, 16 GiB). */
  cpuReplicaHourUsd: 0.23,
  /** ~ AWS SageMaker ml.g5.xlarge (1 NVIDIA A10G). */
  gpuReplicaHourUsd: 1.41,
  /** ~ SageMaker Serverless Inference / AWS Lambda compute price per GB-second. */
  serverlessGbSecondUsd: 0.00002,
  /** Batch workers billed like the same instance types (Batch Transform / Spark jobs). */
  batchCpuWorkerHourUsd: 0.23,
  batchGpuWorkerHourUsd: 1.41,
  /** ~ Amazon SQS standard queue, per million requests. */
  queuePerMillionMessagesUsd: 0.4,
  /** ~ Amazon Kinesis Data Streams provisioned shard-hour (1 MB/s or 1,000 records/s in). */
  streamShardHourUsd: 0.015,
  /** ~ Amazon DynamoDB on-demand reads, per million read request units. */
  keyValuePerMillionReadsUsd: 0.25,
});

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
