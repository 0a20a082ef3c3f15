import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { authenticateWithPassword } from "~/server/auth/identity";
import { db } from "~/server/db";
import { DEMO_TEAMS, DEMO_USE_CASES, DEMO_USERS } from "../../prisma/demo-users";
import { seedDemoData, seedDemoUseCases } from "../../prisma/seed";

describe("demo seed", () => {
  it("is idempotent: seeding twice leaves three teams, the demo users and their memberships once", async () => {
    await seedDemoData({ bcryptRounds: 4 });
    await seedDemoData({ bcryptRounds: 4 });
    const emails = DEMO_USERS.map((u) => u.email);
    const users = await db.user.findMany({ where: { email: { in: emails } }, include: { memberships: { include: { team: true } } } });
    expect(users).toHaveLength(6);
    expect(await db.team.count({ where: { slug: { in: DEMO_TEAMS.map((t) => t.slug) } } })).toBe(3);
    const roles = users.map((u) => u.role).sort();
    expect(roles).toEqual(["ADMIN", "MEMBER", "MEMBER", "MEMBER", "REVIEWER", "REVIEWER"]);
    for (const team of DEMO_TEAMS) {
      expect(users.filter((u) => u.role === "MEMBER" && u.memberships.some((m) => m.team.slug === team.slug))).toHaveLength(1);
    }
  });

  it("adds the demo histories once, covering every status, override and supersession", async () => {
    await seedDemoData({ bcryptRounds: 4 });
    const head = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, occurredAt: true } });
    const now = new Date();
    expect(await seedDemoUseCases(now)).toBe(DEMO_USE_CASES.length);
    expect(await seedDemoUseCases()).toBe(0);
    // The seeded history is in the past and in sequence order: no event dated after `now`, none
    // before the trail's earlier head, each no earlier than the one before it.
    const seeded = await db.auditEvent.findMany({ where: { seq: { gt: head?.seq ?? -1n }, requestId: "seed" }, orderBy: { seq: "asc" }, select: { occurredAt: true } });
    expect(seeded.length).toBeGreaterThan(DEMO_USE_CASES.length);
    const times = seeded.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    if (head) expect(Math.min(...times)).toBeGreaterThanOrEqual(head.occurredAt.getTime());
    const teams = { team: { slug: { in: DEMO_TEAMS.map((t) => t.slug) } } };
    const versions = await db.decisionVersion.findMany({ where: { useCase: teams }, select: { status: true, isOverride: true } });
    expect(new Set(versions.map((v) => v.status))).toEqual(new Set(["SUBMITTED", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN", "SUPERSEDED"]));
    expect(versions.some((v) => v.isOverride)).toBe(true);
    expect(await db.useCase.count({ where: { ...teams, status: "DRAFT" } })).toBe(1);
    expect(await db.comment.count({ where: { decisionVersion: { useCase: teams } } })).toBeGreaterThanOrEqual(3);
  });

  it("leaves existing demo accounts as they are: an admin's change survives the next npm start", async () => {
    await seedDemoData({ bcryptRounds: 4 });
    const maya = await db.user.findUniqueOrThrow({ where: { email: "maya@servewise.test" }, include: { memberships: true } });
    const before = { role: maya.role, active: maya.active, passwordHash: maya.passwordHash };
    await db.user.update({ where: { id: maya.id }, data: { role: "REVIEWER", active: false, passwordHash: "changed" } });
    await db.teamMembership.deleteMany({ where: { userId: maya.id } });
    await db.team.update({ where: { slug: "growth" }, data: { description: "Renamed by an admin" } });
    try {
      expect(await seedDemoData({ bcryptRounds: 4 })).toBe(0);
      const after = await db.user.findUniqueOrThrow({ where: { id: maya.id }, include: { memberships: true } });
      expect({ role: after.role, active: after.active, passwordHash: after.passwordHash, teams: after.memberships.length }).toEqual({
        role: "REVIEWER",
        active: false,
        passwordHash: "changed",
        teams: 0,
      });
      expect((await db.team.findUniqueOrThrow({ where: { slug: "growth" } })).description).toBe("Renamed by an admin");
    } finally {
      await db.user.update({ where: { id: maya.id }, data: before });
      await db.teamMembership.createMany({ data: maya.memberships.map((m) => ({ userId: m.userId, teamId: m.teamId })), skipDuplicates: true });
      const growth = DEMO_TEAMS.find((t) => t.slug === "growth")!;
      await db.team.update({ where: { slug: "growth" }, data: { description: growth.description } });
    }
  });

  it("gives every demo user the password the README lists", async () => {
    for (const u of DEMO_USERS) {
      const result = await authenticateWithPassword({ email: u.email, password: u.password });
      expect(result.ok, u.email).toBe(true);
    }
  });

  it("is refused when NODE_ENV=production", async () => {
    const run = promisify(execFile)("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, NODE_ENV: "production" },
    });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Refusing to seed") });
  });
});
