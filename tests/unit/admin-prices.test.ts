import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES } from "~/engine";
import { parsePriceTexts, PRICE_FIELDS, PRICE_KEYS, priceFieldErrors, priceTexts, slugFromName } from "~/features/admin/prices";

describe("admin price table helpers", () => {
  it("has a labelled field with a unit for every price of the engine", () => {
    expect([...PRICE_KEYS].sort()).toEqual(Object.keys(DEFAULT_PRICES).sort());
    expect(PRICE_FIELDS.map((f) => f.key)).toEqual(PRICE_KEYS);
    for (const f of PRICE_FIELDS) expect(f.unit).toMatch(/^USD per /);
  });

  it("round-trips the table through the form's texts", () => {
    expect(parsePriceTexts(priceTexts(DEFAULT_PRICES))).toEqual({ prices: { ...DEFAULT_PRICES }, errors: {} });
  });

  it("accepts $ and thousands separators, and explains blanks and words", () => {
    const texts = { ...priceTexts(DEFAULT_PRICES), cpuReplicaHourUsd: "$1,200.5", gpuReplicaHourUsd: "", streamShardHourUsd: "cheap" };
    const { prices, errors } = parsePriceTexts(texts);
    expect(prices.cpuReplicaHourUsd).toBe(1200.5);
    expect(Object.keys(errors).sort()).toEqual(["gpuReplicaHourUsd", "streamShardHourUsd"]);
    expect(errors.gpuReplicaHourUsd).toBe("Enter the gpu replica price as a number (USD per replica-hour).");
  });

  it("keys the server's field errors by price", () => {
    expect(priceFieldErrors({ "prices.cpuReplicaHourUsd": ["Too small: expected number to be >=0"], other: ["x"] })).toEqual({
      cpuReplicaHourUsd: "Too small: expected number to be >=0",
    });
  });

  it("makes slugs from team names", () => {
    expect(slugFromName("Growth & Personalisation")).toBe("growth-and-personalisation");
    expect(slugFromName("  Équipe Données ")).toBe("equipe-donnees");
    expect(slugFromName("!!!")).toBe("");
  });
});
