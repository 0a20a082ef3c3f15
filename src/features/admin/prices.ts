/**
 * The price table as the admin page shows it: each unit price with its label and unit, in the
 * engine's order, and the form's text values. Pure and isomorphic, and without the engine or zod
 * at run time (the admin page's JavaScript budget): types only.
 */
import type { PriceTable } from "~/engine";

export type PriceKey = keyof PriceTable;

export interface PriceField {
  key: PriceKey;
  label: string;
  unit: string;
}

export const PRICE_FIELDS: readonly PriceField[] = [
  { key: "cpuReplicaHourUsd", label: "CPU replica", unit: "USD per replica-hour" },
  { key: "gpuReplicaHourUsd", label: "GPU replica", unit: "USD per replica-hour" },
  { key: "serverlessGbSecondUsd", label: "Serverless compute", unit: "USD per GB-second" },
  { key: "batchCpuWorkerHourUsd", label: "Batch CPU worker", unit: "USD per worker-hour" },
  { key: "batchGpuWorkerHourUsd", label: "Batch GPU worker", unit: "USD per worker-hour" },
  { key: "queuePerMillionMessagesUsd", label: "Queue messages", unit: "USD per million messages" },
  { key: "streamShardHourUsd", label: "Stream shard", unit: "USD per shard-hour" },
  { key: "keyValuePerMillionReadsUsd", label: "Key-value reads", unit: "USD per million reads" },
];

/** The keys of the fields (a unit test checks they are every key of the engine's table). */
export const PRICE_KEYS: readonly PriceKey[] = PRICE_FIELDS.map((f) => f.key);

export type PriceTexts = Record<PriceKey, string>;

export function priceTexts(prices: PriceTable): PriceTexts {
  return Object.fromEntries(PRICE_FIELDS.map((f) => [f.key, String(prices[f.key])])) as PriceTexts;
}

/**
 * The form's texts as numbers for `admin.updatePrices`. Blank or non-numeric texts are sent as
 * NaN-free errors here ("Enter a price"), so the server only sees numbers; its own rules
 * (minimum, maximum) come back as field errors.
 */
export function parsePriceTexts(texts: PriceTexts): { prices: PriceTable; errors: Partial<Record<PriceKey, string>> } {
  const prices = {} as PriceTable;
  const errors: Partial<Record<PriceKey, string>> = {};
  for (const f of PRICE_FIELDS) {
    const text = texts[f.key].trim().replace(/^\$/, "").replaceAll(",", "");
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) errors[f.key] = `Enter the ${f.label.toLowerCase()} price as a number (${f.unit}).`;
    else prices[f.key] = value;
  }
  return { prices, errors };
}

/** Field errors of the server (`prices.cpuReplicaHourUsd`) keyed by price. */
export function priceFieldErrors(fieldErrors: Record<string, string[]>): Partial<Record<PriceKey, string>> {
  const out: Partial<Record<PriceKey, string>> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const key = path.split(".").at(-1) as PriceKey;
    if (PRICE_KEYS.includes(key) && messages[0] && !out[key]) out[key] = messages[0];
  }
  return out;
}

/** A lowercase, dash-separated slug from a team name ("Payments Risk" → "payments-risk"). */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
