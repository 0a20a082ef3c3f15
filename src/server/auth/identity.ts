import "server-only";
import { signInSchema } from "~/lib/credentials";
import { toStorableText, unstorableTextReason } from "~/lib/validation";
import type { Actor } from "~/server/actor";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { PasswordCheckBusyError, verifyPassword } from "~/server/auth/password";
import { throttledAttempt, type Lockout } from "~/server/auth/sign-in-throttle";
import { db } from "~/server/db";

/**
 * Who a request is: the identity side of authentication, as infrastructure every feature and
 * the auth layer use (never the reverse). Reads the user as stored now, checks local
 * credentials, maps company-SSO identities, and audits sign-ins.
 */

const actorSelect = { id: true, name: true, email: true, role: true, active: true } as const;
const signedInSelect = { ...actorSelect, sessionVersion: true } as const;

/** A user as a sign-in finds them: the actor and the session version a new session carries. */
export type SignedInUser = Actor & { sessionVersion: number };

/**
 * The current user as stored now: role and active flag are read on every request. Given the
 * session version a cookie carries, a session that was revoked since (the user's version moved
 * on) gets nobody. Without one (trusted in-process callers: tests, scripts) it is not checked.
 */
export async function getActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: signedInSelect });
  if (!user || (sessionVersion !== undefined && user.sessionVersion !== sessionVersion)) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { ...signedInSelect, passwordHash: true },
  });
}

export function findUserByEmail(email: string): Promise<Actor | null> {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: actorSelect });
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "deactivated" };
export type SignInMethod = "password" | "sso" | "http-basic";

/**
 * Checks a local account's credentials. A wrong email and a wrong password give the same
 * answer (and take the same time); a deactivated account is told so only after its password
 * matched, so the message leaks nothing to a guesser.
 */
export async function authenticateWithPassword(input: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const user = await findUserForSignIn(parsed.data.email);
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !matches) return { ok: false, reason: "invalid" };
  if (!user.active) return { ok: false, reason: "deactivated" };
  const { passwordHash: _hash, ...actor } = user;
  return { ok: true, user: actor };
}

/**
 * Maps a company-SSO identity to a Servewise user by email. Unknown people are refused
 * unless auto-provisioning is on, in which case they become members with no team.
 */
export async function resolveSsoUser(params: {
  email: string;
  name: string;
  autoProvision: boolean;
}): Promise<SignInResult & { provisioned?: boolean }> {
  const email = params.email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: signedInSelect });
  if (existing) return existing.active ? { ok: true, user: existing } : { ok: false, reason: "deactivated" };
  if (!params.autoProvision) return { ok: false, reason: "invalid" };
  const user = await db.user.create({
    data: { email, name: params.name.slice(0, 120) || email, role: "MEMBER" },
    select: signedInSelect,
  });
  return { ok: true, user, provisioned: true };
}

/**
 * Audits a sign-in or a failed one (the attempted email is kept, made storable: a NUL or a
 * broken character becomes U+FFFD; the password never is).
 */
export async function recordSignInAttempt(params: {
  email: string;
  result: SignInResult;
  method: SignInMethod;
  now: Date;
}) {
  const lookup = !params.result.ok && unstorableTextReason(params.email) === null;
  const user = params.result.ok ? params.result.user : lookup ? await findUserByEmail(params.email).catch(() => null) : null;
  const email = toStorableText(params.email.toLowerCase().slice(0, 254));
  await db.$transaction((tx) =>
    params.result.ok
      ? writeAuditEvent(tx, {
          actor: auditActor(params.result.user),
          now: params.now,
          action: "USER_SIGNED_IN",
          entityType: "User",
          entityId: params.result.user.id,
          payload: { method: params.method },
        })
      : writeAuditEvent(tx, {
          actor: { id: user?.id ?? null, name: user?.name ?? "(unknown)", email },
          now: params.now,
          action: "SIGN_IN_FAILED",
          entityType: "User",
          entityId: user?.id ?? "unknown",
          payload: {
            email,
            reason: params.result.reason === "deactivated" ? "deactivated" : params.method === "sso" ? "not-provisioned" : "invalid",
            method: params.method,
          },
        }),
  );
}

export type PasswordSignIn =
  | SignInResult
  | { ok: false; reason: "too-many-attempts"; retryAfterSeconds: number }
  | { ok: false; reason: "busy" };

/**
 * A password sign-in as the form and HTTP Basic make it: throttled per account and per client
 * address (src/server/auth/sign-in-throttle.ts), then checked, then audited. While a scope is
 * locked the password is not even checked; the lockout itself is audited (the attempts refused
 * during it are not audited one by one). Too many password checks in flight answer "busy" at
 * once instead of queueing without bound.
 */
export async function signInWithPassword(
  input: { email?: unknown; password?: unknown } | null | undefined,
  context: { method: Exclude<SignInMethod, "sso">; address: string | null; now: Date },
): Promise<PasswordSignIn> {
  const result = await throttledPasswordCheck(input, context);
  const typed = typeof input?.email === "string" && input.email ? input.email : null;
  if (typed && (result.ok || result.reason === "invalid" || result.reason === "deactivated")) {
    await recordSignInAttempt({ email: typed, result, method: context.method, now: context.now });
  }
  return result;
}

/** A signed-in user's password typed again (e.g. to change it): throttled like a sign-in, not audited as one. */
export function confirmPassword(email: string, password: string, now: Date): Promise<PasswordSignIn> {
  return throttledPasswordCheck({ email, password }, { method: "password", address: null, now });
}

async function throttledPasswordCheck(
  input: { email?: unknown; password?: unknown } | null | undefined,
  context: { method: Exclude<SignInMethod, "sso">; address: string | null; now: Date },
): Promise<PasswordSignIn> {
  const parsed = signInSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : null;
  let attempt;
  try {
    attempt = await throttledAttempt({ email, address: context.address }, async () => {
      const result = await authenticateWithPassword(input);
      // A matching password (even of a deactivated account) is not a failure.
      return { matched: result.ok || result.reason === "deactivated", result };
    });
  } catch (error) {
    if (error instanceof PasswordCheckBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  if (!attempt.allowed) return { ok: false, reason: "too-many-attempts", retryAfterSeconds: attempt.retryAfterSeconds };
  await recordLockouts(attempt.lockouts, email, context);
  return attempt.result;
}

async function recordLockouts(lockouts: Lockout[], email: string | null, context: { method: Exclude<SignInMethod, "sso">; now: Date }) {
  if (lockouts.length === 0) return;
  const user = email ? await findUserByEmail(email) : null;
  const system = { id: null, name: "Servewise", email: "" };
  await db.$transaction(async (tx) => {
    for (const lockout of lockouts) {
      const common = { lockedSeconds: lockout.seconds, lockout: lockout.count, method: context.method };
      await (lockout.scope === "account"
        ? writeAuditEvent(tx, {
            actor: system,
            now: context.now,
            action: "ACCOUNT_LOCKED",
            entityType: "User",
            entityId: user?.id ?? "unknown",
            payload: { email: lockout.key, ...common },
          })
        : writeAuditEvent(tx, {
            actor: system,
            now: context.now,
            action: "CLIENT_ADDRESS_LOCKED",
            entityType: "ClientAddress",
            entityId: lockout.key,
            payload: { address: lockout.key, ...common },
          }));
    }
  });
}

/**
 * Signing out ends every session of the user (the version moves on; cookies issued before
 * stop working on their next request). Only a session still valid does so, and it is audited.
 */
export async function revokeSessionsOnSignOut(userId: string, sessionVersion: number, now: Date) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) return;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: actorSelect });
    await writeAuditEvent(tx, {
      actor: auditActor(user),
      now,
      action: "USER_SIGNED_OUT",
      entityType: "User",
      entityId: user.id,
      payload: { sessionsRevoked: true },
    });
  });
}
