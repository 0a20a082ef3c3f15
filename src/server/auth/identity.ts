import "server-only";
import { signInSchema } from "~/lib/credentials";
import { toStorableText, unstorableTextReason } from "~/lib/validation";
import type { Actor } from "~/server/actor";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { verifyPassword } from "~/server/auth/password";
import { db } from "~/server/db";

/**
 * Who a request is: the identity side of authentication, as infrastructure every feature and
 * the auth layer use (never the reverse). Reads the user as stored now, checks local
 * credentials, maps company-SSO identities, and audits sign-ins.
 */

const actorSelect = { id: true, name: true, email: true, role: true, active: true } as const;

/** The current user as stored now: role and active flag are read on every request. */
export function getActor(userId: string): Promise<Actor | null> {
  return db.user.findUnique({ where: { id: userId }, select: actorSelect });
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { ...actorSelect, passwordHash: true },
  });
}

export function findUserByEmail(email: string): Promise<Actor | null> {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: actorSelect });
}

export type SignInResult = { ok: true; user: Actor } | { ok: false; reason: "invalid" | "deactivated" };

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
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (existing) return existing.active ? { ok: true, user: existing } : { ok: false, reason: "deactivated" };
  if (!params.autoProvision) return { ok: false, reason: "invalid" };
  const user = await db.user.create({
    data: { email, name: params.name.slice(0, 120) || email, role: "MEMBER" },
    select: { id: true, name: true, email: true, role: true, active: true },
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
  method: "password" | "sso" | "http-basic";
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
