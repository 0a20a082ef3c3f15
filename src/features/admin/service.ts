import "server-only";
import type { z } from "zod";
import type { PriceTable } from "~/engine";
import type { CommandContext } from "~/server/actor";
import { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/lib/roles";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { accountThrottleKeys, isLockedRow } from "~/server/auth/sign-in-throttle";
import { db, type Tx } from "~/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "~/server/errors";
import { getCurrentPrices, PRICES_KEY } from "./queries";
import type { createTeamSchema, setActiveSchema, setRoleSchema, setTeamsSchema, unlockAccountSchema } from "./schema";

/** Ends every session of the user (their session version moves on), inside the caller's transaction. */
function revokeSessions(tx: Tx, userId: string) {
  return tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

async function lockUser(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("That user");
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, role: true, active: true, memberships: { select: { team: { select: { id: true, slug: true } } } } },
  });
}

export async function setUserRole(ctx: CommandContext, input: z.infer<typeof setRoleSchema>) {
  if (input.userId === ctx.actor.id && input.role !== "ADMIN") {
    throw new ForbiddenError("You cannot demote yourself: ask another admin, so Servewise always keeps one.");
  }
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.role === input.role) return { role: user.role };
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    // A demotion ends the user's sessions: they sign in again into the smaller role.
    const demoted = !hasRole(input.role, user.role);
    if (demoted) await revokeSessions(tx, user.id);
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "USER_ROLE_CHANGED",
      entityType: "User",
      entityId: user.id,
      payload: { email: user.email, before: { role: user.role }, after: { role: input.role }, ...(demoted ? { sessionsRevoked: true } : {}) },
    });
    return { role: input.role };
  });
}

export async function setUserActive(ctx: CommandContext, input: z.infer<typeof setActiveSchema>) {
  if (input.userId === ctx.actor.id && !input.active) throw new ForbiddenError("You cannot deactivate your own account.");
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.active === input.active) return { active: user.active };
    await tx.user.update({ where: { id: user.id }, data: { active: input.active } });
    // A deactivation ends the user's sessions; reactivating does not bring them back.
    if (!input.active) await revokeSessions(tx, user.id);
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "USER_ACTIVE_CHANGED",
      entityType: "User",
      entityId: user.id,
      payload: { email: user.email, before: { active: user.active }, after: { active: input.active }, ...(input.active ? {} : { sessionsRevoked: true }) },
    });
    return { active: input.active };
  });
}

/**
 * Lifts a sign-in lockout of the account (its failure count and its lockout history, so the
 * next lockout is a first one again). Audited; nothing happens to an account that is not locked.
 */
export async function unlockAccount(ctx: CommandContext, input: z.infer<typeof unlockAccountSchema>) {
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    const keys = accountThrottleKeys(user.email);
    const lock = await tx.signInThrottle.findUnique({ where: { key: keys.failures } });
    if (!lock || !isLockedRow(lock, ctx.now)) return { unlocked: false };
    await tx.signInThrottle.deleteMany({ where: { key: { in: [keys.failures, keys.lockouts] } } });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "ACCOUNT_UNLOCKED",
      entityType: "User",
      entityId: user.id,
      payload: { email: user.email },
    });
    return { unlocked: true };
  });
}

export async function setUserTeams(ctx: CommandContext, input: z.infer<typeof setTeamsSchema>) {
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    const teams = await tx.team.findMany({ where: { id: { in: input.teamIds } }, select: { id: true, slug: true } });
    if (teams.length !== input.teamIds.length) throw new ValidationError("Choose existing teams.", { teamIds: ["One of those teams does not exist."] });
    const before = user.memberships.map((m) => m.team.slug).sort();
    const after = teams.map((t) => t.slug).sort();
    if (JSON.stringify(before) === JSON.stringify(after)) return { teams: after };
    await tx.teamMembership.deleteMany({ where: { userId: user.id, teamId: { notIn: input.teamIds } } });
    await tx.teamMembership.createMany({ data: input.teamIds.map((teamId) => ({ userId: user.id, teamId })), skipDuplicates: true });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "USER_TEAMS_CHANGED",
      entityType: "User",
      entityId: user.id,
      payload: { email: user.email, before: { teams: before }, after: { teams: after } },
    });
    return { teams: after };
  });
}

export async function createTeam(ctx: CommandContext, input: z.infer<typeof createTeamSchema>) {
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: input, select: { id: true, name: true, slug: true } });
      await writeAuditEvent(tx, {
        actor: auditActor(ctx.actor),
        now: ctx.now,
        requestId: ctx.requestId,
        action: "TEAM_CREATED",
        entityType: "Team",
        entityId: team.id,
        payload: { after: input },
      });
      return team;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ValidationError("A team with that name or slug exists already.", { slug: ["Already taken: choose another name and slug."] });
    }
    throw error;
  }
}

/** Saves the organisation's price table; new assessments are scored with it. */
export async function updatePriceTable(ctx: CommandContext, prices: PriceTable) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707303)`;
    const before = await getCurrentPrices(tx);
    await tx.setting.upsert({
      where: { key: PRICES_KEY },
      create: { key: PRICES_KEY, value: prices, updatedAt: ctx.now, updatedById: ctx.actor.id },
      update: { value: prices, updatedAt: ctx.now, updatedById: ctx.actor.id },
    });
    const changedKeys = (Object.keys(prices) as (keyof PriceTable)[]).filter((k) => prices[k] !== before[k]);
    if (changedKeys.length > 0) {
      await writeAuditEvent(tx, {
        actor: auditActor(ctx.actor),
        now: ctx.now,
        requestId: ctx.requestId,
        action: "PRICE_TABLE_CHANGED",
        entityType: "Setting",
        entityId: PRICES_KEY,
        payload: {
          before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, prices[k]])),
        },
      });
    }
    return { prices, changed: changedKeys };
  });
}
