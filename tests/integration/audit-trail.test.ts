import pg from "pg";
import { describe, expect, it, inject } from "vitest";
import { GENESIS_HASH, hashEvent } from "~/server/audit";
import { db } from "~/server/db";
import { callerFor, makeTeam, makeUser } from "./helpers";

async function sql(text: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
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
      const recomputed = hashEvent(prev, {
        seq: e.seq.toString(),
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        actorEmail: e.actorEmail,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        payload: e.payload,
        requestId: e.requestId,
      });
      expect(e.hash).toBe(recomputed);
      prev = e.hash;
    });
  });

  it("is refused by the database when anyone tries to UPDATE, DELETE or TRUNCATE it", async () => {
    const team = await makeTeam("Tamper");
    const member = await makeUser({ teamSlugs: [team.slug] });
    await callerFor(member).useCase.create({ teamId: team.id, title: "Tamper target", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    await expect(sql(`UPDATE "AuditEvent" SET "actorName" = 'Mallory'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db.auditEvent.count({ where: { actorName: "Mallory" } })).toBe(0);
  });
});
