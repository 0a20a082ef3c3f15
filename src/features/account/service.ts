import "server-only";
import { db } from "~/server/db";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import type { Role } from "~/lib/roles";
import { writeAuditEvent } from "~/server/audit";
import type { Actor } from "~/server/actor";
import { findUserByEmail, findUserForSignIn } from "./queries";
import { signInSchema } from "./schema";

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

export interface UpsertUserInput {
  email: string;
  name: string;
  role: Role;
  password: string | null;
  active?: boolean;
  teamSlugs?: string[];
}

/** Creates or updates a user (and their team memberships) — used by seeds and tests. */
export async function upsertUser(input: UpsertUserInput, options: { bcryptRounds: number }): Promise<Actor> {
  const passwordHash = input.password === null ? null : await hashPassword(input.password, options.bcryptRounds);
  return db.$transaction(async (tx) => {
    const email = input.email.toLowerCase();
    const data = { name: input.name, role: input.role, active: input.active ?? true, passwordHash };
    const user = await tx.user.upsert({
      where: { email },
      create: { email, ...data },
      update: data,
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    if (input.teamSlugs) {
      const teams = await tx.team.findMany({ where: { slug: { in: input.teamSlugs } }, select: { id: true, slug: true } });
      const missing = input.teamSlugs.filter((s) => !teams.some((t) => t.slug === s));
      if (missing.length > 0) throw new Error(`Unknown team(s): ${missing.join(", ")}`);
      await tx.teamMembership.deleteMany({ where: { userId: user.id, teamId: { notIn: teams.map((t) => t.id) } } });
      await tx.teamMembership.createMany({
        data: teams.map((t) => ({ userId: user.id, teamId: t.id })),
        skipDuplicates: true,
      });
    }
    return user;
  });
}

export function upsertTeam(input: { name: string; slug: string; description: string }) {
  return db.team.upsert({
    where: { slug: input.slug },
    create: input,
    update: { name: input.name, description: input.description },
    select: { id: true, name: true, slug: true },
  });
}

/** Audits a sign-in or a failed one (the attempted email is kept; the password never is). */
export async function recordSignInAttempt(params: {
  email: string;
  result: SignInResult;
  method: "password" | "sso" | "http-basic";
  now: Date;
}) {
  const user = params.result.ok ? params.result.user : await findUserByEmail(params.email).catch(() => null);
  const email = params.email.toLowerCase().slice(0, 254);
  await db.$transaction((tx) =>
    params.result.ok
      ? writeAuditEvent(tx, {
          actor: { id: params.result.user.id, name: params.result.user.name, email: params.result.user.email },
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
