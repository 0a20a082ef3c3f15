/**
 * The busy hour on the embedded engine (what `npm start` runs without DATABASE_URL): 50 drafts
 * submitted at the same moment over HTTP with real sessions. Every one succeeds, once, with
 * exactly one audit event, and the chain verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../scripts/db/migrations";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { createFreshDatabase, freePort, type FreshDatabase } from "../../scripts/db/server";
import { startApp, type RunningApp } from "./support/app";
import { inspect, seedDrafts, signInAll, submitAll } from "./support/busy-hour";

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let database: FreshDatabase;
let app: RunningApp | undefined;

describe("the busy hour on the embedded PostgreSQL", () => {
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ port: await freePort() });
    database = await createFreshDatabase("servewise_busy_embedded", embedded.url);
    await applyMigrations(database.url);
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
    const { users, drafts } = await seedDrafts(50);
    app = await startApp({ databaseUrl: database.url });
    const sessions = await signInAll(app, users);
    const started = performance.now();
    const outcomes = await submitAll(sessions, drafts);
    console.log(`50 concurrent submissions over HTTP on the embedded engine: ${((performance.now() - started) / 1000).toFixed(2)} s`);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.error)).toEqual([]);
    expect(outcomes.every((o) => o.versionNumber === 1)).toBe(true);
    expect(await inspect(drafts.map((d) => d.id))).toEqual({ versions: 50, useCasesWithMoreThanOneVersion: 0, versionsWithoutExactlyOneEvent: 0 });
    const { verifyAuditChain } = await import("~/features/audit/queries");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
