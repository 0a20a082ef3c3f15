import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES, resolvePrices } from "~/engine";

describe("price overrides", () => {
  it("takes an organisation's valid rates, including free ones, and keeps the defaults for the rest", () => {
    const prices = resolvePrices({ cpuReplicaHourUsd: 0.5, queuePerMillionMessagesUsd: 0 });
    expect(prices).toEqual({ ...DEFAULT_PRICES, cpuReplicaHourUsd: 0.5, queuePerMillionMessagesUsd: 0 });
    expect(resolvePrices()).toEqual(DEFAULT_PRICES);
  });

  it("ignores rates that are negative, not finite or not numbers", () => {
    const invalid = { cpuReplicaHourUsd: -1, gpuReplicaHourUsd: NaN, streamShardHourUsd: Infinity, batchCpuWorkerHourUsd: "2" } as unknown as Parameters<typeof resolvePrices>[0];
    expect(resolvePrices(invalid)).toEqual(DEFAULT_PRICES);
  });
});
