import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { getDatabaseEnv } from "~/env";

/**
 * One pg pool and one Prisma client (through the pg driver adapter) per process, created
 * on first use, so importing this module (e.g. while `next build` collects pages) needs no
 * database settings. The pool is shared with the few reads that stream rows (exports).
 *
 * ONE CLIENT PER TRANSACTION, enforced: `db.$transaction(async (tx) => …)` runs its callback
 * inside an AsyncLocalStorage scope, and the global `db` throws `GlobalClientInTransactionError`
 * when it is touched while that scope's transaction is open. A read through `db` there would
 * take a second pooled connection while the first is held: pool starvation under load, and a
 * deadlock on a single-backend engine. Helpers that may run inside a transaction take the
 * client (`Tx`) as a parameter instead.
 */
const globalForDb = globalThis as unknown as { servewisePool?: pg.Pool; servewiseDb?: PrismaClient };

export function getPool(): pg.Pool {
  if (inTransaction()) throw new GlobalClientInTransactionError("getPool()");
  if (!globalForDb.servewisePool) {
    const env = getDatabaseEnv();
    globalForDb.servewisePool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      // Waiting for a free connection (or a new one) longer than this fails fast: the caller
      // answers "busy, retry" (503) instead of hanging.
      connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    });
    // An idle client whose server went away must not crash the process.
    globalForDb.servewisePool.on("error", () => {});
  }
  return globalForDb.servewisePool;
}

function client(): PrismaClient {
  if (!globalForDb.servewiseDb) {
    const env = getDatabaseEnv();
    globalForDb.servewiseDb = new PrismaClient({
      adapter: new PrismaPg(getPool()),
      transactionOptions: { maxWait: env.DATABASE_POOL_TIMEOUT_MS, timeout: env.DATABASE_TRANSACTION_TIMEOUT_MS },
    });
  }
  return globalForDb.servewiseDb;
}

interface OpenTransaction {
  open: boolean;
}
const openTransaction = new AsyncLocalStorage<OpenTransaction>();

/** Thrown when the global client is used while a transaction is open in the same async flow. */
export class GlobalClientInTransactionError extends Error {
  constructor(property: string) {
    super(
      `db.${property} was used inside db.$transaction(): every query in a transaction must go through its ` +
        "transaction client (tx). Pass `tx` to the helper you call.",
    );
    this.name = "GlobalClientInTransactionError";
  }
}

/** True while the current async flow runs inside an open interactive transaction. */
export function inTransaction(): boolean {
  return openTransaction.getStore()?.open === true;
}

type InteractiveCallback = (tx: Tx) => Promise<unknown>;

function guardedTransaction(real: PrismaClient) {
  return (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") {
      // The batch form: a list of queries built beforehand, sent on one connection.
      return (real.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(arg, options);
    }
    const callback = arg as InteractiveCallback;
    return (real.$transaction as (fn: InteractiveCallback, o?: unknown) => Promise<unknown>)((tx) => {
      const scope: OpenTransaction = { open: true };
      // Work started in the callback but still running after it settles (fire-and-forget)
      // keeps the scope; it is closed so that work may use the global client again.
      return openTransaction.run(scope, () => callback(tx)).finally(() => {
        scope.open = false;
      });
    }, options);
  };
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (inTransaction()) throw new GlobalClientInTransactionError(String(property));
    const real = client();
    if (property === "$transaction") return guardedTransaction(real);
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** The client handed to `db.$transaction(async (tx) => ...)`; helpers take it as a parameter. */
export type Tx = Prisma.TransactionClient;
