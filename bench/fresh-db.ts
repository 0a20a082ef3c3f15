/**
 * The benchmarks' database: a fresh one (scripts/db/server.ts: DATABASE_URL's server, else :5432,
 * else the embedded one), migrated, set as the app's DATABASE_URL (with a NEXTAUTH_SECRET) before
 * the app's modules load — import them dynamically inside `run` — and dropped afterwards, whatever
 * happens.
 */
import { createFreshDatabase, type FreshDatabase } from "../scripts/db/server";

export async function withFreshDatabase(prefix: string, run: (database: FreshDatabase) => Promise<void>): Promise<void> {
  const database = await createFreshDatabase(prefix);
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdefghijklmnop";
  try {
    await database.migrate();
    await run(database);
  } finally {
    await database.drop();
  }
}
