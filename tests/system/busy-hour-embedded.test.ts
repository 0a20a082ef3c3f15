/**
 * The busy hour on the embedded engine (what `npm start` runs without DATABASE_URL): 50 drafts
 * submitted at the same moment over HTTP with real sessions. Every one succeeds, once, with
 * exactly one audit event, and the chain verifies.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { createFreshDatabase, freePort, type FreshDatabase } from "../../scripts/db/server";
import type { RunningApp } from "./support/app";
import { busyHour } from "./support/busy-hour";

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let database: FreshDatabase;
let app: RunningApp | undefined;

describe("the busy hour on the embedded PostgreSQL", () => {
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ port: await freePort() });
    database = await createFreshDatabase("servewise_busy_embedded", embedded.url);
    await database.migrate();
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await app?.stop();
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await database?.drop();
    await embedded?.stop();
  });

  it("accepts 50 concurrent submissions: every one succeeds, once, with exactly one audit event", async () => {
    // busyHour asserts: no failure, one version and one event each, the chain verifies.
    app = (await busyHour(database.url, 50, "the embedded engine")).app;
  });
});
