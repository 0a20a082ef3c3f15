import "server-only";
import { DEFAULT_PRICES, priceTableSchema, resolvePrices, type PriceTable } from "~/engine";
import { db, type Tx } from "~/server/db";

export const PRICES_KEY = "prices";

/**
 * The price table the engine scores with: the admins' saved table, else the defaults.
 * Reads through `client`: inside a transaction pass its `tx` (one client per transaction).
 */
export async function getCurrentPrices(client: Tx): Promise<PriceTable> {
  const row = await client.setting.findUnique({ where: { key: PRICES_KEY }, select: { value: true } });
  return pricesFromSetting(row?.value);
}

/** The stored setting's value (or nothing) as a full price table: saved prices over the defaults. */
export function pricesFromSetting(value: unknown): PriceTable {
  const parsed = value === undefined || value === null ? null : priceTableSchema.partial().safeParse(value);
  return resolvePrices(parsed?.success ? parsed.data : undefined);
}

export async function getPriceSettings() {
  const row = await db.setting.findUnique({ where: { key: PRICES_KEY }, select: { updatedAt: true, updatedById: true } });
  const updatedBy = row?.updatedById
    ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } })
    : null;
  return { prices: await getCurrentPrices(db), defaults: { ...DEFAULT_PRICES }, updatedAt: row?.updatedAt ?? null, updatedBy: updatedBy?.name ?? null };
}
