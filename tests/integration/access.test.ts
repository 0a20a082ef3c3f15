import { describe, expect, it } from "vitest";
import { authenticateWithPassword } from "~/server/auth/identity";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";


describe("role guards on tRPC procedures", () => {
  it("answers UNAUTHORIZED to anonymous calls of every guarded procedure", async () => {
    const anon = callerFor(null);
    expect(await codeOf(anon.account.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.account.myTeams())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.team.listAll())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.admin.listUsers())).toBe("UNAUTHORIZED");
    expect(await anon.account.whoAmI()).toBeNull();
  });

  it("answers UNAUTHORIZED to a session whose user no longer exists", async () => {
    expect(await codeOf(callerFor({ id: "no-such-user" }).account.me())).toBe("UNAUTHORIZED");
  });

  it("lets a member use member procedures and refuses reviewer and admin ones with FORBIDDEN", async () => {
    const team = await makeTeam("Fraud");
    const member = await makeUser({ role: "MEMBER", teamSlugs: [team.slug] });
    const caller = callerFor(member);
    const me = await caller.account.me();
    expect(me).toMatchObject({ id: member.id, role: "MEMBER" });
    expect(me.teams.map((t) => t.slug)).toEqual([team.slug]);
    expect(await codeOf(caller.team.listAll())).toBe("FORBIDDEN");
    expect(await codeOf(caller.admin.listUsers())).toBe("FORBIDDEN");
  });

  it("lets a reviewer list all teams but not use admin procedures", async () => {
    const team = await makeTeam("Growth");
    const reviewer = callerFor(await makeUser({ role: "REVIEWER" }));
    const teams = await reviewer.team.listAll();
    expect(teams.map((t) => t.slug)).toContain(team.slug);
    expect(await codeOf(reviewer.admin.listUsers())).toBe("FORBIDDEN");
  });

  it("lets an admin use every procedure", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const caller = callerFor(admin);
    const users = await caller.admin.listUsers();
    expect(users.map((u) => u.id)).toContain(admin.id);
    expect(users.every((u) => !("passwordHash" in u))).toBe(true);
    expect(await codeOf(caller.team.listAll())).toBe("OK");
  });

  it("applies a demotion in the database on the very next call", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const caller = callerFor(admin);
    expect(await codeOf(caller.admin.listUsers())).toBe("OK");
    await db.user.update({ where: { id: admin.id }, data: { role: "REVIEWER" } });
    expect(await codeOf(caller.admin.listUsers())).toBe("FORBIDDEN");
    expect(await codeOf(caller.team.listAll())).toBe("OK");
    await db.user.update({ where: { id: admin.id }, data: { role: "MEMBER" } });
    expect(await codeOf(caller.team.listAll())).toBe("FORBIDDEN");
  });

  it("locks a deactivated user out on the very next call", async () => {
    const reviewer = await makeUser({ role: "REVIEWER" });
    const caller = callerFor(reviewer);
    expect(await codeOf(caller.account.me())).toBe("OK");
    await db.user.update({ where: { id: reviewer.id }, data: { active: false } });
    expect(await codeOf(caller.account.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.team.listAll())).toBe("UNAUTHORIZED");
    expect(await caller.account.whoAmI()).toBeNull();
  });
});

describe("local sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await makeUser({ password: "s3cret-enough" });
    const result = await authenticateWithPassword({ email: user.email.toUpperCase(), password: "s3cret-enough" });
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id }) });
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const user = await makeUser({ password: "s3cret-enough" });
    expect(await authenticateWithPassword({ email: user.email, password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword({ email: "nobody@example.test", password: "s3cret-enough" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword({ email: "not-an-email", password: "x" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account, saying so only after the password matched", async () => {
    const user = await makeUser({ password: "s3cret-enough", active: false });
    expect(await authenticateWithPassword({ email: user.email, password: "s3cret-enough" })).toEqual({ ok: false, reason: "deactivated" });
    expect(await authenticateWithPassword({ email: user.email, password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores a bcrypt hash, never the password", async () => {
    const user = await makeUser({ password: "plain-text-never" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(row.passwordHash).not.toContain("plain-text-never");
  });
});
