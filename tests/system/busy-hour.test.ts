/**
 * The busy hour on server PostgreSQL: 200 members' drafts submitted at the same moment over
 * HTTP with real sessions, and a request that cannot get a database connection in time.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { startApp, type RunningApp } from "./support/app";
import { busyHour, inspect, seedDrafts, signInAll, submitAll } from "./support/busy-hour";

const server = await resolveServerUrl();
let database: FreshDatabase;
let app: RunningApp | undefined;

describe.skipIf(!server)("the busy hour on server PostgreSQL", () => {
  beforeAll(async () => {
    database = await createFreshDatabase("servewise_busy", server);
    await database.migrate();
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await app?.stop();
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await database?.drop();
  });

  it("accepts 200 concurrent submissions: every one succeeds, once, with exactly one audit event, and the chain verifies", async () => {
    const run = await busyHour(database.url, 200, "server PostgreSQL");
    app = run.app;
    const { sessions, drafts, outcomes } = run;

    // The same requests again (a client retrying them all): replayed, nothing new.
    const replays = await submitAll(sessions, drafts, outcomes.map((o) => o.key));
    expect(replays.filter((o) => !o.ok).map((o) => o.error)).toEqual([]);
    expect(replays.every((o) => o.versionNumber === 1)).toBe(true);

    expect(await inspect(drafts.map((d) => d.id))).toEqual({ versions: 200, useCasesWithMoreThanOneVersion: 0, versionsWithoutExactlyOneEvent: 0 });
  });

  it("answers 503 with Retry-After, quickly, when no connection frees up in time, and changes nothing", async () => {
    const { users, drafts } = await seedDrafts(3, 3);
    const busy = await startApp({ databaseUrl: database.url, env: { DATABASE_POOL_SIZE: "2", DATABASE_POOL_TIMEOUT_MS: "500" } });
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      const sessions = await signInAll(busy, users);
      // Hold the audit chain's lock: two submissions take both pooled connections and wait on it.
      await holder.query("SELECT pg_advisory_lock(72707302)");
      const started = performance.now();
      const pending = submitAll(sessions, drafts);
      const first = await Promise.race([
        pending.then(() => "all settled"),
        new Promise((resolve) => setTimeout(() => resolve("waiting"), 3_000)),
      ]);
      expect(first).toBe("waiting");
      await holder.query("SELECT pg_advisory_unlock(72707302)");
      const outcomes = await pending;
      const refused = outcomes.filter((o) => !o.ok);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.status).toBe(503);
      expect(refused[0]!.retryAfter).toBe("2");
      expect(refused[0]!.error).toMatch(/busy right now.*retry in a few seconds/i);
      expect(performance.now() - started).toBeLessThan(10_000);
      // Nothing was stored for the refused one, and its retry succeeds.
      expect((await inspect([refused[0]!.id])).versions).toBe(0);
      const retried = await submitAll(sessions, drafts.filter((d) => d.id === refused[0]!.id));
      expect(retried[0]).toMatchObject({ ok: true, versionNumber: 1 });
    } finally {
      await holder.query("SELECT pg_advisory_unlock_all()").catch(() => {});
      await holder.end();
      await busy.stop();
    }
  });
});
