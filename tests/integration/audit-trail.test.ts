import pg from "pg";
import { describe, expect, it, inject } from "vitest";
import { exportAuditLog } from "~/features/audit/service";
import { findUserByEmail } from "~/server/auth/identity";
import { GENESIS_HASH, hashStoredEvent } from "~/server/audit";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";

async function sql(text: string, url = inject("databaseUrl")) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe("audit trail", () => {
  it("chains every event to the one before it with a gap-free sequence", async () => {
    const team = await makeTeam("Chain");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const base = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] };
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => callerFor(member).useCase.create({ ...base, teamId: team.id, title: `Concurrent ${i}` })),
    );
    const events = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.length).toBeGreaterThanOrEqual(8);
    let prev = GENESIS_HASH;
    events.forEach((e, index) => {
      expect(e.seq).toBe(BigInt(index + 1));
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(hashStoredEvent(prev, e));
      prev = e.hash;
    });
  });

  it("lists and pages events newest first by sequence number, past seq 9 (not in text order)", async () => {
    const team = await makeTeam("Order");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const admin = await makeUser({ role: "ADMIN" });
    const base = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] };
    for (let i = 0; i < 12; i++) await callerFor(member).useCase.create({ ...base, teamId: team.id, title: `Ordered ${i}` });
    const first = await callerFor(admin).audit.list({ filter: {}, limit: 5 });
    const next = await callerFor(admin).audit.list({ filter: {}, before: first.nextBefore, limit: 5 });
    const seqs = [...first.events, ...next.events].map((e) => Number(e.seq));
    const head = Number((await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => head - i));
  });

  it("is refused by the database when anyone tries to UPDATE, DELETE or TRUNCATE it", async () => {
    const team = await makeTeam("Tamper");
    const member = await makeUser({ teamSlugs: [team.slug] });
    await callerFor(member).useCase.create({ teamId: team.id, title: "Tamper target", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    // The app role has no such privilege (tests/integration/least-privilege.test.ts); even the
    // owner, which has, is stopped by the trigger.
    const owner = inject("databaseMigrationUrl");
    await expect(sql(`UPDATE "AuditEvent" SET "actorName" = 'Mallory'`, owner)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(`DELETE FROM "AuditEvent"`, owner)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(`TRUNCATE "AuditEvent"`, owner)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db.auditEvent.count({ where: { actorName: "Mallory" } })).toBe(0);
  });
});

describe("audit trail under load", () => {
  it("still verifies after 500 concurrent mixed actions, with exactly one event per action", async () => {
    const { verifyAuditChain } = await import("~/features/audit/queries");
    const { randomUUID } = await import("node:crypto");
    const { EXAMPLE_ANSWERS } = await import("~/engine");
    const team = await makeTeam("Load");
    const members = await Promise.all(Array.from({ length: 5 }, () => makeUser({ teamSlugs: [team.slug] })));
    const reviewers = await Promise.all(Array.from({ length: 5 }, () => makeUser({ role: "REVIEWER" })));
    const base = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["load"] };
    // 100 use cases submitted up front give the reviews and comments something to act on.
    const submitted: string[] = [];
    for (let i = 0; i < 100; i++) {
      const m = members[i % 5]!;
      const { id } = await callerFor(m).useCase.create({ ...base, teamId: team.id, title: `Load ${i}` });
      await callerFor(m).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers });
      submitted.push(id);
    }
    const before = await db.auditEvent.count();
    const actions = Array.from({ length: 500 }, (_, i) => {
      const id = submitted[i % 100]!;
      const member = members[i % 5]!;
      switch (i % 5) {
        case 0:
          return callerFor(member).useCase.create({ ...base, teamId: team.id, title: `Load extra ${i}` });
        case 1:
          return callerFor(reviewers[i % 5]!).review.comment({ useCaseId: id, number: 1, body: `Question ${i}` });
        case 2:
          return callerFor(member).review.comment({ useCaseId: id, number: 1, body: `Answer ${i}` });
        case 3:
          return callerFor(reviewers[i % 5]!).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" });
        default:
          return callerFor(reviewers[(i + 1) % 5]!).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "More detail" });
      }
    });
    const outcomes = await Promise.allSettled(actions);
    const succeeded = outcomes.filter((o) => o.status === "fulfilled").length;
    // Each review race on a version has one winner; every other action succeeds.
    expect(succeeded).toBeGreaterThanOrEqual(300);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    // Only the review races lose, and they lose with CONFLICT.
    expect(rejected.every((o) => (o.reason as { code?: string }).code === "CONFLICT")).toBe(true);
    // One event per successful action (a review's own comment is part of its one event).
    expect(await db.auditEvent.count()).toBe(before + succeeded);
  }, 180_000);

  it("the admin viewer filters and pages with the same WHERE clause as the export", async () => {
    const team = await makeTeam("Viewer");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const admin = await makeUser({ role: "ADMIN" });
    const base = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] };
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await callerFor(member).useCase.create({ ...base, teamId: team.id, title: `Viewer ${i}` })).id);
    const caller = callerFor(admin);
    const today = new Date().toISOString().slice(0, 10);
    const filter = { actor: member.email.toUpperCase().slice(0, 12), action: "USE_CASE_CREATED", from: today, to: today };

    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ filter, before, limit: 2 });
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((e) => e.seq));
      before = page.nextBefore;
    } while (before);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a < b ? 1 : -1)));
    expect(seen.length).toBeGreaterThanOrEqual(5);

    // And back up, newer page by newer page (`after`), the same events in the same order.
    const up: string[][] = [];
    let page: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ filter, before: seen[seen.length - 3], limit: 2 });
    expect(page.events.map((e) => e.seq)).toEqual(seen.slice(-2));
    expect(page.nextBefore).toBeNull();
    while (page.newerAfter) {
      page = await caller.audit.list({ filter, after: page.newerAfter, limit: 2 });
      up.unshift(page.events.map((e) => e.seq));
      expect(page.nextBefore).toBe(page.events.at(-1)!.seq);
    }
    expect([...up.flat(), ...seen.slice(-2)]).toEqual(seen);
    // The newest page says there is nothing newer.
    expect((await caller.audit.list({ filter, limit: 2 })).newerAfter).toBeNull();
    expect(await codeOf(caller.audit.list({ filter, before: "5", after: "3", limit: 2 }))).toBe("BAD_REQUEST");

    const actor = (await findUserByEmail(admin.email))!;
    const { stream, rows } = await exportAuditLog({ actor, now: new Date() }, { filter, format: "jsonl" });
    let text = "";
    for await (const chunk of stream) text += String(chunk);
    const exported = text.trim().split("\n").map((l) => JSON.parse(l) as { seq: string; entity_id: string; occurred_at: string });
    expect(exported.map((e) => e.seq)).toEqual([...seen].reverse());
    expect(rows).toBe(seen.length);

    const one = await caller.audit.list({ filter: { entityType: "UseCase", entityId: created[2]! }, limit: 50 });
    expect(one.events.map((e) => [e.action, e.entityId, e.actorEmail])).toEqual([["USE_CASE_CREATED", created[2], member.email]]);
    expect(one.events[0]!.occurredAt).toBeInstanceOf(Date);
    expect(one.events[0]!.payload).toMatchObject({ teamId: team.id, after: { title: "Viewer 2" } });
    expect((await caller.audit.list({ filter: { ...filter, to: "2000-01-01", from: undefined }, limit: 50 })).events).toEqual([]);
    expect((await caller.audit.list({ filter: { actor: "%" }, limit: 50 })).events).toEqual([]);
    expect(await codeOf(caller.audit.list({ filter: { from: today, to: "2000-01-01" }, limit: 50 }))).toBe("BAD_REQUEST");
  });
});
