import "server-only";
import type { z } from "zod";
import { getDatabaseEnv } from "~/env";
import { tooManyAttemptsMessage } from "~/lib/sign-in-errors";
import { db } from "~/server/db";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { confirmPassword } from "~/server/auth/identity";
import { hashPassword } from "~/server/auth/password";
import { ValidationError } from "~/server/errors";
import type { Role } from "~/lib/roles";
import type { Actor, CommandContext } from "~/server/actor";
import type { changePasswordSchema } from "./schema";

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

/**
 * Changes the signed-in user's own password. The current one is confirmed first (throttled
 * like a sign-in). Every session of the user ends, this one included: they sign in again with
 * the new password.
 */
export async function changePassword(ctx: CommandContext, input: z.infer<typeof changePasswordSchema>, options = { bcryptRounds: getDatabaseEnv().BCRYPT_ROUNDS }) {
  const check = await confirmPassword(ctx.actor.email, input.currentPassword, ctx.now);
  if (!check.ok) {
    const message =
      check.reason === "too-many-attempts"
        ? tooManyAttemptsMessage(check.retryAfterSeconds)
        : check.reason === "busy"
          ? "Servewise is busy: please try again in a few seconds."
          : "That is not your current password.";
    throw new ValidationError(message, { currentPassword: [message] });
  }
  const passwordHash = await hashPassword(input.newPassword, options.bcryptRounds);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "PASSWORD_CHANGED",
      entityType: "User",
      entityId: ctx.actor.id,
      payload: { email: ctx.actor.email, sessionsRevoked: true },
    });
  });
  return { signedOut: true };
}
