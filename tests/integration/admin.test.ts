import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_PRICES, EXAMPLE_ANSWERS } from "~/engine";
import { authenticateWithPassword, recordSignInAttempt } from "~/server/auth/identity";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";


afterAll(async () => {
  // Other test files compare against the default price table.
  await db.setting.deleteMany({ where: { key: "prices" } });
});

describe("admin: people and teams", () => {
  it("changes roles, activity and teams, auditing each change with before and after", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const user = await makeUser();
    const team = await makeTeam("Admin");
    const caller = callerFor(admin);
    await caller.admin.setRole({ userId: user.id, role: "REVIEWER" });
    await caller.admin.setActive({ userId: user.id, active: false });
    await caller.admin.setTeams({ userId: user.id, teamIds: [team.id] });
    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.payload])).toEqual([
      ["USER_ROLE_CHANGED", { email: user.email, before: { role: "MEMBER" }, after: { role: "REVIEWER" } }],
      ["USER_ACTIVE_CHANGED", { email: user.email, before: { active: true }, after: { active: false }, sessionsRevoked: true }],
      ["USER_TEAMS_CHANGED", { email: user.email, before: { teams: [] }, after: { teams: [team.slug] } }],
    ]);
    expect(events.every((e) => e.actorId === admin.id)).toBe(true);
    // The deactivated user is locked out at once.
    expect(await codeOf(callerFor(user).account.me())).toBe("UNAUTHORIZED");
  });

  it("refuses an admin demoting or deactivating themselves, and non-admins entirely", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    expect(await codeOf(callerFor(admin).admin.setRole({ userId: admin.id, role: "MEMBER" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(admin).admin.setActive({ userId: admin.id, active: false }))).toBe("FORBIDDEN");
    const reviewer = await makeUser({ role: "REVIEWER" });
    expect(await codeOf(callerFor(reviewer).admin.setRole({ userId: reviewer.id, role: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(admin).admin.setRole({ userId: "no-such-user", role: "ADMIN" }))).toBe("NOT_FOUND");
  });

  it("creates teams, refusing duplicates with a field error", async () => {
    const admin = callerFor(await makeUser({ role: "ADMIN" }));
    const slug = `ml-platform-${randomUUID().slice(0, 6)}`;
    await admin.admin.createTeam({ name: `ML Platform ${slug}`, slug, description: "Shared serving" });
    expect(await codeOf(admin.admin.createTeam({ name: `Other ${slug}`, slug, description: "" }))).toBe("BAD_REQUEST");
    expect(await db.auditEvent.count({ where: { action: "TEAM_CREATED", payload: { path: ["after", "slug"], equals: slug } } })).toBe(1);
  });
});

describe("admin: price table", () => {
  it("scores new submissions with the saved prices and audits the change", async () => {
    const admin = callerFor(await makeUser({ role: "ADMIN" }));
    const doubled = { ...DEFAULT_PRICES, cpuReplicaHourUsd: DEFAULT_PRICES.cpuReplicaHourUsd * 2 };
    const result = await admin.admin.updatePrices({ prices: doubled });
    expect(result.changed).toEqual(["cpuReplicaHourUsd"]);
    expect((await admin.admin.getPrices()).prices.cpuReplicaHourUsd).toBe(doubled.cpuReplicaHourUsd);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "PRICE_TABLE_CHANGED" }, orderBy: { seq: "desc" } });
    expect(event.payload).toEqual({ before: { cpuReplicaHourUsd: DEFAULT_PRICES.cpuReplicaHourUsd }, after: { cpuReplicaHourUsd: doubled.cpuReplicaHourUsd } });

    const team = await makeTeam("Prices");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: "Priced", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers });
    const stored = (await callerFor(member).decision.get({ useCaseId: id, number: 1 })).assessment;
    expect(stored.prices.cpuReplicaHourUsd).toBe(doubled.cpuReplicaHourUsd);
    await admin.admin.updatePrices({ prices: { ...DEFAULT_PRICES } });
  });

  it("rejects negative or missing prices field by field", async () => {
    const admin = callerFor(await makeUser({ role: "ADMIN" }));
    expect(await codeOf(admin.admin.updatePrices({ prices: { ...DEFAULT_PRICES, gpuReplicaHourUsd: -1 } }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.admin.updatePrices({ prices: { cpuReplicaHourUsd: 1 } as never }))).toBe("BAD_REQUEST");
  });
});

describe("sign-in audit", () => {
  it("records sign-ins and failed sign-ins without the password", async () => {
    const user = await makeUser({ password: "audit-me-please" });
    for (const password of ["audit-me-please", "wrong-password"]) {
      const result = await authenticateWithPassword({ email: user.email, password });
      await recordSignInAttempt({ email: user.email, result, method: "password", now: new Date() });
    }
    await recordSignInAttempt({ email: "ghost@example.test", result: { ok: false, reason: "invalid" }, method: "password", now: new Date() });
    const events = await db.auditEvent.findMany({ where: { OR: [{ entityId: user.id }, { actorEmail: "ghost@example.test" }] }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.payload])).toEqual([
      ["USER_SIGNED_IN", { method: "password" }],
      ["SIGN_IN_FAILED", { email: user.email, reason: "invalid", method: "password" }],
      ["SIGN_IN_FAILED", { email: "ghost@example.test", reason: "invalid", method: "password" }],
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain("audit-me-please");
  });
});
