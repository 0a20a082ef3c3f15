import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { getEnv } from "~/env";

/**
 * One pg pool and one Prisma client (through the pg driver adapter) per process, created
 * on first use, so importing this module (e.g. while `next build` collects pages) needs no
 * database settings. The pool is shared with the few reads that stream rows (exports).
 */
const globalForDb = globalThis as unknown as { servewisePool?: pg.Pool; servewiseDb?: PrismaClient };

export function getPool(): pg.Pool {
  globalForDb.servewisePool ??= new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return globalForDb.servewisePool;
}

function client(): PrismaClient {
  globalForDb.servewiseDb ??= new PrismaClient({
    adapter: new PrismaPg(getPool()),
    // Under bursts (many submissions at once) a transaction may wait for a pooled connection.
    transactionOptions: { maxWait: 60_000, timeout: 60_000 },
  });
  return globalForDb.servewiseDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** The client handed to `db.$transaction(async (tx) => ...)`; services take it as a parameter. */
export type Tx = Prisma.TransactionClient;
