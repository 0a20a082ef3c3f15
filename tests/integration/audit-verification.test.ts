/**
 * Audit verification at scale (issue 11, issue 13): a page view verifies only the events since
 * the latest signed checkpoint and records the result; a full verification runs on demand in the
 * background, admins only, audited, with its progress and result stored where every process and
 * every reload sees them. Tampering after the checkpoint, and a history re-chained before it,
 * are caught. Runs on a database of its own: it tampers with the trail.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "../../scripts/db/server";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";
import { asSuperuser, rechain } from "./tamper";

const KEY = "verification-test-key-kept-outside-the-database-42";
let database: FreshDatabase;
let dir: string;
type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User;
let member: User;
let team: Awaited<ReturnType<typeof makeTeam>>;

async function someEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await callerFor(member).useCase.create({ teamId: team.id, title: `Verify me ${i} “quoted” ünïcødé`, description: "line one\nline two \\ backslash", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["a", "b"] });
  }
}

async function head(): Promise<bigint> {
  const { db } = await import("~/server/db");
  return (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" }, select: { seq: true } })).seq;
}

async function takeCheckpoint() {
  const { writeAuditCheckpoint } = await import("~/features/audit/service");
  return writeAuditCheckpoint({ dir, key: KEY, now: new Date() });
}

beforeAll(async () => {
  database = await createFreshDatabase("servewise_verification", inject("databaseServerUrl") || null);
  await database.migrate();
  // Before anything opens the pool: this file's database, and the checkpoint key and folder.
  process.env.DATABASE_URL = database.url;
  dir = mkdtempSync(join(tmpdir(), "servewise-verification-"));
  process.env.AUDIT_CHECKPOINT_KEY = KEY;
  process.env.AUDIT_CHECKPOINT_DIR = dir;
  team = await makeTeam("Verification");
  admin = await makeUser({ role: "ADMIN" });
  member = await makeUser({ teamSlugs: [team.slug] });
  await someEvents(20);
}, 120_000);

afterAll(async () => {
  const { getPool } = await import("~/server/db");
  await getPool().end();
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

describe("verification on a page view: only the new events", () => {
  it("is for admins only", async () => {
    const reviewer = await makeUser({ role: "REVIEWER" });
    for (const who of [member, reviewer, null]) {
      expect(await codeOf(callerFor(who).audit.verifyNew())).toMatch(/FORBIDDEN|UNAUTHORIZED/);
      expect(await codeOf(callerFor(who).audit.verifyFull())).toMatch(/FORBIDDEN|UNAUTHORIZED/);
      expect(await codeOf(callerFor(who).audit.verification())).toMatch(/FORBIDDEN|UNAUTHORIZED/);
    }
  });

  it("checks the events since the latest signed checkpoint, records who and where, and shows it after a reload", async () => {
    const checkpoint = await takeCheckpoint();
    expect(checkpoint).not.toBeNull();
    await someEvents(5);
    const target = await head();
    const run = await callerFor(admin).audit.verifyNew();
    expect(run).toMatchObject({
      kind: "INCREMENTAL",
      status: "OK",
      anchor: "checkpoint",
      anchorSeq: checkpoint!.seq,
      targetSeq: target.toString(),
      total: Number(target - BigInt(checkpoint!.seq)),
      startedByName: admin.name,
    });
    expect(run.total).toBeGreaterThanOrEqual(5);
    expect(run.process).toMatch(/ pid \d+$/);
    const { db } = await import("~/server/db");
    expect(run.headHash).toBe((await db.auditEvent.findUniqueOrThrow({ where: { seq: target } })).hash);
    // Stored: what the page shows after a reload (any process reads the same row).
    expect((await callerFor(admin).audit.verification()).latestIncremental).toMatchObject({ id: run.id, status: "OK", targetSeq: target.toString() });
    // Nothing new: the same result, refreshed, no new row.
    const again = await callerFor(admin).audit.verifyNew();
    expect(again.id).toBe(run.id);
    expect(await db.auditVerification.count({ where: { kind: "INCREMENTAL" } })).toBe(1);
  });

  it("names the first edited event after the checkpoint", async () => {
    await takeCheckpoint();
    await someEvents(4);
    const target = await head();
    const victim = target - 2n;
    const original = await asSuperuser(database.adminUrl, async (client) => {
      const { rows } = await client.query<{ actorName: string }>(`SELECT "actorName" FROM "AuditEvent" WHERE seq = $1`, [victim.toString()]);
      await client.query(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = $1`, [victim.toString()]);
      return rows[0]!.actorName;
    });
    try {
      const run = await callerFor(admin).audit.verifyNew();
      expect(run).toMatchObject({ status: "BROKEN", brokenAt: victim.toString(), reason: "edited", anchor: "checkpoint" });
      expect(run.detail).toContain(`event ${victim}`);
      expect((await callerFor(admin).audit.verification()).latestIncremental).toMatchObject({ status: "BROKEN", brokenAt: victim.toString() });
    } finally {
      await asSuperuser(database.adminUrl, (client) => client.query(`UPDATE "AuditEvent" SET "actorName" = $1 WHERE seq = $2`, [original, victim.toString()]));
    }
    expect(await callerFor(admin).audit.verifyNew()).toMatchObject({ status: "OK" });
  });

  it("catches a history re-chained before the checkpoint at the checkpoint's event, which the chain alone accepts", async () => {
    const checkpoint = await takeCheckpoint().then((c) => c ?? null);
    const cpSeq = BigInt(checkpoint?.seq ?? (await head()).toString());
    const victim = cpSeq - 3n;
    const original = await asSuperuser(database.adminUrl, async (client) => {
      const { rows } = await client.query<{ actorName: string }>(`SELECT "actorName" FROM "AuditEvent" WHERE seq = $1`, [victim.toString()]);
      await client.query(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = $1`, [victim.toString()]);
      await rechain(client, victim);
      return rows[0]!.actorName;
    });
    try {
      const { verifyAuditChain } = await import("~/features/audit/queries");
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
      const run = await callerFor(admin).audit.verifyNew();
      expect(run).toMatchObject({ status: "BROKEN", brokenAt: cpSeq.toString(), anchor: "checkpoint" });
      expect(run.detail).toMatch(/edited or re-chained/);
    } finally {
      // Put the content back and re-chain: the original hashes return.
      await asSuperuser(database.adminUrl, async (client) => {
        await client.query(`UPDATE "AuditEvent" SET "actorName" = $1 WHERE seq = $2`, [original, victim.toString()]);
        await rechain(client, victim);
      });
    }
    expect(await callerFor(admin).audit.verifyNew()).toMatchObject({ status: "OK" });
  });
});

describe("full verification on demand", () => {
  it("runs in the background with stored progress, one at a time, audited at start and end", async () => {
    const { startFullVerification } = await import("~/features/audit/service");
    const { getVerificationRun } = await import("~/features/audit/queries");
    const { db } = await import("~/server/db");
    const target = await head();
    const ctx = { actor: { id: admin.id, name: admin.name, email: admin.email, role: admin.role, active: true }, now: new Date(), requestId: "full-verify-test" };
    const progress: { status: string; done: number; total: number }[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started = await startFullVerification(ctx, {
      progressEvery: 10,
      afterProgress: async (id) => {
        const run = (await getVerificationRun(id))!;
        progress.push({ status: run.status, done: run.done, total: run.total });
        if (progress.length === 1) await held;
      },
    });
    expect(started.alreadyRunning).toBe(false);
    await expect.poll(() => progress.length, { timeout: 10_000 }).toBe(1);

    // While it runs: every process sees it running with its progress, and asking again joins it.
    const status = await callerFor(admin).audit.verification();
    expect(status.latestFull).toMatchObject({ id: started.id, status: "RUNNING", done: 10, total: Number(target) });
    const second = await callerFor(admin).audit.verifyFull();
    expect(second).toEqual({ id: started.id, alreadyRunning: true });

    release();
    await started.done;
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => (i + 1) * 10));
    expect(progress.every((p) => p.status === "RUNNING" && p.total === Number(target))).toBe(true);
    const finished = await callerFor(admin).audit.verificationRun({ id: started.id });
    expect(finished).toMatchObject({ kind: "FULL", status: "OK", anchor: "genesis", targetSeq: target.toString(), done: Number(target), startedByName: admin.name });
    expect(finished.finishedAt).not.toBeNull();
    expect(finished.headHash).toBe((await db.auditEvent.findUniqueOrThrow({ where: { seq: target } })).hash);

    const audited = await db.auditEvent.findMany({ where: { entityType: "AuditVerification", entityId: started.id }, orderBy: { seq: "asc" } });
    expect(audited.map((e) => e.action)).toEqual(["AUDIT_VERIFICATION_STARTED", "AUDIT_VERIFICATION_FINISHED"]);
    expect(audited.every((e) => e.actorId === admin.id)).toBe(true);
    expect(audited[1]!.payload).toMatchObject({ status: "OK", events: Number(target), brokenAt: null });
  });

  it("through the API: starts, is polled to its result, and names the first broken event", async () => {
    const victim = 7n;
    await asSuperuser(database.adminUrl, (client) => client.query(`UPDATE "AuditEvent" SET "entityId" = 'forged' WHERE seq = $1`, [victim.toString()]));
    const { id } = await callerFor(admin).audit.verifyFull();
    await expect.poll(async () => (await callerFor(admin).audit.verificationRun({ id })).status, { timeout: 20_000 }).toBe("BROKEN");
    const run = await callerFor(admin).audit.verificationRun({ id });
    expect(run).toMatchObject({ brokenAt: "7", reason: "edited" });
    expect((await callerFor(admin).audit.verification()).latestFull).toMatchObject({ id, status: "BROKEN", brokenAt: "7" });
  });

  it("shows a run whose process stopped as interrupted, and a new run replaces it", async () => {
    const { db } = await import("~/server/db");
    const old = new Date(Date.now() - 10 * 60_000);
    const ghost = await db.auditVerification.create({
      data: { kind: "FULL", startedAt: new Date(), heartbeatAt: old, startedByName: "Ghost", process: "gone pid 1", anchor: "genesis", anchorSeq: 0n, targetSeq: 10n, checkedSeq: 3n },
    });
    expect((await callerFor(admin).audit.verification()).latestFull).toMatchObject({ id: ghost.id, status: "INTERRUPTED" });
    const { id } = await callerFor(admin).audit.verifyFull();
    expect(id).not.toBe(ghost.id);
    expect((await db.auditVerification.findUniqueOrThrow({ where: { id: ghost.id } })).status).toBe("FAILED");
    await expect.poll(async () => (await callerFor(admin).audit.verificationRun({ id })).status, { timeout: 20_000 }).not.toBe("RUNNING");
  });
});
