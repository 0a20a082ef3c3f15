/**
 * Sessions that can be revoked, and password sign-ins that cannot be guessed at speed:
 * the session version checked on every call, bumped by sign-out, deactivation, demotion and a
 * password change; throttling per account and per address (growing lockouts, audited), and an
 * admin's unlock.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { revokeSessionsOnSignOut, signInWithPassword } from "~/server/auth/identity";
import { accountThrottleKeys } from "~/server/auth/sign-in-throttle";
import { db } from "~/server/db";
import { callerFor, codeOf, makeUser } from "./helpers";

const PASSWORD = "correct horse battery staple";

/** A caller as the HTTP handler builds it from a cookie issued at `sessionVersion`. */
function sessionCaller(user: { id: string }, sessionVersion = 0) {
  return createCaller(createInnerContext({ sessionUserId: user.id, sessionVersion }));
}

const address = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;
const attempt = (email: string, password: string, from: string | null = address()) =>
  signInWithPassword({ email, password }, { method: "password", address: from, now: new Date() });

async function eventsOf(entityId: string) {
  return db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: { action: true, payload: true, actorId: true } });
}

describe("revoking sessions", () => {
  it("refuses a session issued before the user's sessions were revoked, on every guarded call and whoAmI", async () => {
    const user = await makeUser({ role: "REVIEWER" });
    const session = sessionCaller(user, 0);
    expect(await codeOf(session.account.me())).toBe("OK");
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    expect(await codeOf(session.account.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(session.team.listAll())).toBe("UNAUTHORIZED");
    expect(await session.account.whoAmI()).toBeNull();
    expect(await codeOf(sessionCaller(user, 1).account.me())).toBe("OK");
  });

  it("signing out revokes every session of the user once, audited", async () => {
    const user = await makeUser();
    await revokeSessionsOnSignOut(user.id, 0, new Date());
    // A second sign-out with the stale cookie changes nothing more.
    await revokeSessionsOnSignOut(user.id, 0, new Date());
    expect(await codeOf(sessionCaller(user, 0).account.me())).toBe("UNAUTHORIZED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect((await eventsOf(user.id)).map((e) => [e.action, e.payload, e.actorId])).toEqual([["USER_SIGNED_OUT", { sessionsRevoked: true }, user.id]]);
  });

  it("a demotion and a deactivation revoke sessions; a promotion does not", async () => {
    const admin = callerFor(await makeUser({ role: "ADMIN" }));
    const promoted = await makeUser();
    await admin.admin.setRole({ userId: promoted.id, role: "REVIEWER" });
    expect(await codeOf(sessionCaller(promoted, 0).team.listAll())).toBe("OK");

    const demoted = await makeUser({ role: "ADMIN" });
    await admin.admin.setRole({ userId: demoted.id, role: "REVIEWER" });
    expect(await codeOf(sessionCaller(demoted, 0).account.me())).toBe("UNAUTHORIZED");
    expect((await eventsOf(demoted.id)).at(-1)?.payload).toMatchObject({ after: { role: "REVIEWER" }, sessionsRevoked: true });

    const deactivated = await makeUser();
    await admin.admin.setActive({ userId: deactivated.id, active: false });
    await admin.admin.setActive({ userId: deactivated.id, active: true });
    // Reactivated, but the old session stays dead: only a new sign-in works.
    expect(await codeOf(sessionCaller(deactivated, 0).account.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(sessionCaller(deactivated, 1).account.me())).toBe("OK");
  });

  it("a password change confirms the current password, revokes every session and is audited", async () => {
    const user = await makeUser();
    const session = sessionCaller(user, 0);
    expect(await codeOf(session.account.changePassword({ currentPassword: "not mine at all", newPassword: "a brand new passphrase" }))).toBe("BAD_REQUEST");
    expect(await codeOf(session.account.changePassword({ currentPassword: PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
    await session.account.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
    expect(await codeOf(session.account.me())).toBe("UNAUTHORIZED");
    expect((await attempt(user.email, PASSWORD)).ok).toBe(false);
    const signedIn = await attempt(user.email, "a brand new passphrase");
    expect(signedIn).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: 1 } });
    const events = await eventsOf(user.id);
    expect(events.find((e) => e.action === "PASSWORD_CHANGED")?.payload).toEqual({ email: user.email, sessionsRevoked: true });
    expect(JSON.stringify(events)).not.toContain("brand new");
  });
});

describe("sign-in throttling", () => {
  it("locks an account after 5 failures, refuses even the right password while locked, audits the lockout, and an admin unlocks it", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong-${i}`)).toEqual({ ok: false, reason: "invalid" });
    const locked = await attempt(user.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "too-many-attempts" });
    expect(locked.ok === false && locked.reason === "too-many-attempts" && locked.retryAfterSeconds).toBeGreaterThan(50);
    // Case and spaces do not make another account.
    expect(await attempt(`  ${user.email.toUpperCase()} `.trim(), PASSWORD)).toMatchObject({ reason: "too-many-attempts" });

    const events = await eventsOf(user.id);
    expect(events.filter((e) => e.action === "SIGN_IN_FAILED")).toHaveLength(5);
    expect(events.filter((e) => e.action === "ACCOUNT_LOCKED").map((e) => e.payload)).toEqual([{ email: user.email, lockedSeconds: 60, lockout: 1, method: "password" }]);

    const admin = await makeUser({ role: "ADMIN" });
    const listed = (await callerFor(admin).admin.listUsers()).find((u) => u.id === user.id);
    expect(listed?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await codeOf(callerFor(await makeUser({ role: "REVIEWER" })).admin.unlockAccount({ userId: user.id }))).toBe("FORBIDDEN");
    expect(await callerFor(admin).admin.unlockAccount({ userId: user.id })).toEqual({ unlocked: true });
    expect(await callerFor(admin).admin.unlockAccount({ userId: user.id })).toEqual({ unlocked: false });
    expect((await eventsOf(user.id)).filter((e) => e.action === "ACCOUNT_UNLOCKED").map((e) => [e.payload, e.actorId])).toEqual([[{ email: user.email }, admin.id]]);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
  });

  it("doubles each further lockout of the day", async () => {
    const user = await makeUser();
    const keys = accountThrottleKeys(user.email);
    const lockFor = async () => {
      for (let i = 0; i < 5; i++) await attempt(user.email, "wrong");
      const refused = await attempt(user.email, "wrong");
      // Let the lock run out (as time would).
      await db.signInThrottle.update({ where: { key: keys.failures }, data: { expire: BigInt(Date.now() - 1) } });
      return refused.ok === false && refused.reason === "too-many-attempts" ? refused.retryAfterSeconds : null;
    };
    expect([await lockFor(), await lockFor(), await lockFor()]).toEqual([60, 120, 240]);
    const locks = (await eventsOf(user.id)).filter((e) => e.action === "ACCOUNT_LOCKED").map((e) => (e.payload as { lockout: number }).lockout);
    expect(locks).toEqual([1, 2, 3]);
  });

  it("lets a burst of parallel guesses check no more passwords than a sequence would", async () => {
    const user = await makeUser();
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => attempt(user.email, `guess-${i}`)));
    expect(results.filter((r) => r.ok === false && r.reason === "invalid").length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.ok === false && r.reason === "too-many-attempts").length).toBeGreaterThanOrEqual(11);
    expect((await eventsOf(user.id)).filter((e) => e.action === "ACCOUNT_LOCKED")).toHaveLength(1);
  });

  it("never locks out parallel sign-ins with the right password (a script's parallel exports)", async () => {
    const user = await makeUser();
    const from = address();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, PASSWORD, from)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await eventsOf(user.id)).filter((e) => e.action === "ACCOUNT_LOCKED")).toHaveLength(0);
  });

  it("locks a client address after 30 failures across accounts, audited", async () => {
    const from = address();
    for (let i = 0; i < 30; i++) expect(await attempt(`nobody-${i}-${from}@example.test`, "guess", from)).toMatchObject({ reason: "invalid" });
    const user = await makeUser();
    expect(await attempt(user.email, PASSWORD, from)).toMatchObject({ ok: false, reason: "too-many-attempts", retryAfterSeconds: 300 });
    expect(await attempt(user.email, PASSWORD, address())).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirst({ where: { action: "CLIENT_ADDRESS_LOCKED", entityId: from } });
    expect(event?.payload).toEqual({ address: from, lockedSeconds: 300, lockout: 1, method: "password" });
  });

  it("does not count successful sign-ins against the address", async () => {
    const from = address();
    const user = await makeUser();
    for (let i = 0; i < 40; i++) expect(await attempt(user.email, PASSWORD, from)).toMatchObject({ ok: true });
  });
});
