import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { getEnv } from "~/env";

/**
 * One Prisma client per process, through the pg driver adapter. Created on first use, so
 * importing this module (e.g. while `next build` collects pages) needs no database settings.
 */
const globalForDb = globalThis as unknown as { servewiseDb?: PrismaClient };

function client(): PrismaClient {
  globalForDb.servewiseDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 }),
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
