import "server-only";
import { createHash } from "node:crypto";
import { answersSchema, assess, ENGINE_VERSION, recommend, type Answers, type PriceTable } from "~/engine";
import { getCurrentPrices } from "~/features/admin/queries";
import { emailNotices, notifyReviewersOfSubmission, type Notice } from "~/features/notifications/service";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor, CommandContext } from "~/server/actor";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { db, type Tx } from "~/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "~/server/errors";
import type { z } from "zod";
import type { withdrawDecisionSchema } from "./schema";
import { REFUSAL_MESSAGES, SUPERSEDE, transition, type DecisionStatus } from "./workflow";

/**
 * Decision versions: the one home that creates them, moves them through their states and
 * reads them for a command. Use cases submit through `createVersion`; review records a
 * reviewer's decision through `recordReview` and `supersedePreviouslyApproved`. Every change
 * writes its audit event in the caller's transaction.
 */

const SYSTEM_ACTOR = { id: null, name: "Servewise", email: "system@servewise" };

/**
 * A version the actor may see (a member of its team, or a reviewer/admin), read inside the
 * caller's transaction; otherwise NOT_FOUND (a foreign version looks exactly like a missing one).
 */
export async function lockVisibleVersion(tx: Tx, actor: Actor, useCaseId: string, number: number) {
  const version = await tx.decisionVersion.findUnique({
    where: { useCaseId_number: { useCaseId, number } },
    include: { useCase: { select: { id: true, title: true, createdById: true, teamId: true } } },
  });
  if (!version) throw new NotFoundError("That decision");
  const isMember = await tx.teamMembership.findUnique({
    where: { userId_teamId: { userId: actor.id, teamId: version.useCase.teamId } },
  });
  if (!isMember && actor.role === "MEMBER") throw new NotFoundError("That decision");
  return version;
}

/**
 * Scores the answers with the engine and stores them as the use case's next version, with
 * its audit event and the reviewers' notifications, inside the caller's transaction.
 */
export async function createVersion(
  tx: Tx,
  ctx: CommandContext,
  params: {
    useCaseId: string;
    title: string;
    statusBefore: string;
    answers: Answers;
    idempotencyKey: string;
    /** The use case's latest version number (null before the first), read after its row lock. */
    latestNumber: number | null;
    /** The organisation's current price table, recorded inside the assessment it produces. */
    prices: PriceTable;
    /** Who else changed these answers (the draft's contributors); the submitter is added. */
    contributorIds: readonly string[];
  },
): Promise<{ number: number; notices: Notice[] }> {
  const { answers } = params;
  const assessment = assess(answers, { prices: params.prices });
  const number = (params.latestNumber ?? 0) + 1;
  const contributorIds = [...new Set([...params.contributorIds, ctx.actor.id])];
  const recommendedCost = assessment.tradeoffs.find((t) => t.strategy === assessment.recommended)?.cost.monthlyUsd ?? null;
  const version = await tx.decisionVersion.create({
    data: {
      useCaseId: params.useCaseId,
      number,
      answers: answers as Prisma.InputJsonValue,
      assessment: assessment as unknown as Prisma.InputJsonValue,
      engineVersion: ENGINE_VERSION,
      recommended: assessment.recommended,
      confidence: assessment.confidence.value,
      monthlyCostUsd: recommendedCost,
      idempotencyKey: params.idempotencyKey,
      submittedById: ctx.actor.id,
      submittedAt: ctx.now,
      contributorIds,
    },
    select: { id: true },
  });
  await tx.useCase.update({
    where: { id: params.useCaseId },
    // The draft's contributors now belong to the version; the next draft starts with none.
    data: { status: "SUBMITTED", draftAnswers: answers as Prisma.InputJsonValue, draftContributorIds: [], revision: { increment: 1 }, updatedAt: ctx.now },
  });
  // Notifications first: the audit append (which serialises on its lock until commit) comes last.
  const notices = await notifyReviewersOfSubmission(tx, { submitterId: ctx.actor.id, submitterName: ctx.actor.name, useCaseId: params.useCaseId, number, title: params.title, now: ctx.now });
  await writeAuditEvent(tx, {
    actor: auditActor(ctx.actor),
    now: ctx.now,
    requestId: ctx.requestId,
    action: "DECISION_SUBMITTED",
    entityType: "DecisionVersion",
    entityId: version.id,
    payload: {
      useCaseId: params.useCaseId,
      versionNumber: number,
      recommended: assessment.recommended,
      confidence: assessment.confidence.value,
      engineVersion: ENGINE_VERSION,
      idempotencyKey: params.idempotencyKey,
      statusBefore: params.statusBefore,
      statusAfter: "SUBMITTED",
      contributorIds,
    },
  });
  return { number, notices };
}

/**
 * Moves a SUBMITTED version to the reviewer's outcome in ONE guarded UPDATE: the optimistic
 * version and the four-eyes rule (not its submitter, not the use case's author, not anyone
 * who changed its answers) are part of
 * its WHERE, so a lost race or a bypassed UI changes nothing. False when nothing matched.
 */
export async function recordReview(
  tx: Tx,
  ctx: CommandContext,
  params: {
    current: { id: string };
    to: DecisionStatus;
    expectedVersion: number;
    comment: string | null;
    approvedStrategy: string | null;
    /** The justification when the approval overrides the engine, else null. */
    override: string | null;
  },
): Promise<boolean> {
  const updated = await tx.decisionVersion.updateMany({
    where: {
      id: params.current.id,
      version: params.expectedVersion,
      status: "SUBMITTED",
      submittedById: { not: ctx.actor.id },
      useCase: { createdById: { not: ctx.actor.id } },
      NOT: { contributorIds: { has: ctx.actor.id } },
    },
    data: {
      status: params.to,
      version: { increment: 1 },
      reviewedById: ctx.actor.id,
      reviewedAt: ctx.now,
      reviewComment: params.comment,
      approvedStrategy: params.approvedStrategy,
      isOverride: params.override !== null,
      overrideJustification: params.override,
    },
  });
  return updated.count === 1;
}

/**
 * Approving a version supersedes every previously approved one of its use case (linked both
 * ways), each with a system audit event. Returns the newest superseded number, or null.
 */
export async function supersedePreviouslyApproved(
  tx: Tx,
  ctx: CommandContext,
  params: { useCaseId: string; approved: { id: string; number: number } },
): Promise<number | null> {
  const previous = await tx.decisionVersion.findMany({
    where: { useCaseId: params.useCaseId, status: SUPERSEDE.from, id: { not: params.approved.id } },
    select: { id: true, number: true },
  });
  let supersedes: number | null = null;
  for (const p of previous) {
    await tx.decisionVersion.update({
      where: { id: p.id },
      data: { status: SUPERSEDE.to, supersededByNumber: params.approved.number, version: { increment: 1 } },
    });
    await writeAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      now: ctx.now,
      requestId: ctx.requestId,
      action: "DECISION_SUPERSEDED",
      entityType: "DecisionVersion",
      entityId: p.id,
      payload: { useCaseId: params.useCaseId, versionNumber: p.number, statusBefore: SUPERSEDE.from, statusAfter: SUPERSEDE.to, supersededByNumber: params.approved.number },
    });
    supersedes = Math.max(supersedes ?? 0, p.number);
  }
  if (supersedes !== null) await tx.decisionVersion.update({ where: { id: params.approved.id }, data: { supersedesNumber: supersedes } });
  return supersedes;
}

/** The submitter takes a submitted version back; the team can edit and resubmit. */
export async function withdrawDecision(ctx: CommandContext, input: z.infer<typeof withdrawDecisionSchema>) {
  return db.$transaction(async (tx) => {
    const current = await lockVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const check = transition({
      from: current.status as DecisionStatus,
      action: "WITHDRAW",
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      submitterId: current.submittedById,
      authorIds: [current.submittedById, current.useCase.createdById],
      contributorIds: current.contributorIds,
    });
    if (!check.ok) {
      if (check.refusal === "INVALID_STATE") throw new ConflictError(`${REFUSAL_MESSAGES.INVALID_STATE} It is now ${current.status.toLowerCase()}.`);
      throw new ForbiddenError(REFUSAL_MESSAGES[check.refusal]);
    }
    const updated = await tx.decisionVersion.updateMany({
      where: { id: current.id, version: input.expectedVersion, status: "SUBMITTED", submittedById: ctx.actor.id },
      data: { status: check.to, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("This version changed while you looked at it. Reload to see the current state.");
    await tx.useCase.update({ where: { id: input.useCaseId }, data: { status: "WITHDRAWN", revision: { increment: 1 }, updatedAt: ctx.now } });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "DECISION_WITHDRAWN",
      entityType: "DecisionVersion",
      entityId: current.id,
      payload: { useCaseId: input.useCaseId, versionNumber: input.number, statusBefore: current.status, statusAfter: check.to },
    });
    return { status: check.to, version: input.expectedVersion + 1 };
  });
}

/**
 * When ENGINE_VERSION changed since a decision was made, a reviewer opens version N+1 from
 * the same answers, scored by today's engine (the reviewer becomes its submitter, so another
 * reviewer must approve it).
 */
export async function reopenWithCurrentEngine(ctx: CommandContext, input: { useCaseId: string; number: number; idempotencyKey: string }) {
  const { notices, versionNumber } = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "UseCase" WHERE id = ${input.useCaseId} FOR UPDATE`;
    const source = await lockVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const replay = await tx.decisionVersion.findUnique({
      where: { useCaseId_idempotencyKey: { useCaseId: input.useCaseId, idempotencyKey: input.idempotencyKey } },
      select: { number: true },
    });
    if (replay) return { versionNumber: replay.number, notices: [] as Notice[] };
    if (source.engineVersion === ENGINE_VERSION) {
      throw new ConflictError("This decision was already made with the current engine version.");
    }
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: input.useCaseId }, select: { status: true, title: true } });
    if (useCase.status === "SUBMITTED") {
      throw new ConflictError("Another version of this use case is under review; decide on it first.");
    }
    const latest = await tx.decisionVersion.aggregate({ where: { useCaseId: input.useCaseId }, _max: { number: true } });
    const { number, notices } = await createVersion(tx, ctx, {
      useCaseId: input.useCaseId,
      title: useCase.title,
      statusBefore: useCase.status,
      answers: answersSchema.parse(source.answers),
      idempotencyKey: input.idempotencyKey,
      latestNumber: latest._max.number,
      prices: await getCurrentPrices(tx),
      // The answers are the source version's: its contributors stay their authors.
      contributorIds: source.contributorIds,
    });
    return { versionNumber: number, notices };
  });
  void emailNotices(notices);
  return { versionNumber };
}

// ---------------------------------------------------------------------------------------------
// Re-evaluation cache: "would this decision change under the current engine?"
// ---------------------------------------------------------------------------------------------

/** Rows re-scored per round trip when the cache is refreshed. */
const REEVALUATION_BATCH = 500;

/**
 * The key the cached re-evaluations are valid for: the engine version and the price table they
 * were computed with (the decision page's re-evaluation scores at the current prices too).
 */
export function reevaluationKey(prices: PriceTable): string {
  const digest = createHash("sha256").update(JSON.stringify(prices)).digest("hex").slice(0, 16);
  return `${ENGINE_VERSION}+${digest}`;
}

/**
 * Brings the re-evaluation columns of every decision scored by an older engine up to date with
 * the current engine and prices (only rows whose key is stale are re-scored, in batches, with the
 * fast path), and returns the current key. Derived data: the stored assessment, `recommended` and
 * `engineVersion` are never touched, so nothing is audited. Idempotent: concurrent refreshes
 * write the same values. Decisions scored by the current engine never "would change".
 */
export async function refreshReevaluations(): Promise<string> {
  const prices = await getCurrentPrices(db);
  const key = reevaluationKey(prices);
  for (;;) {
    const stale = await db.decisionVersion.findMany({
      where: { engineVersion: { not: ENGINE_VERSION }, OR: [{ reevaluatedWith: null }, { reevaluatedWith: { not: key } }] },
      select: { id: true, answers: true, recommended: true },
      take: REEVALUATION_BATCH,
    });
    if (stale.length === 0) return key;
    const ids: string[] = [];
    const now: string[] = [];
    const changed: boolean[] = [];
    for (const row of stale) {
      const parsed = answersSchema.safeParse(row.answers);
      // Answers stored by an older schema that no longer parse cannot be re-scored: not "would change".
      const stored = row.recommended ?? NO_STRATEGY;
      const today = parsed.success ? currentRecommendation(parsed.data, prices) : stored;
      ids.push(row.id);
      now.push(today);
      changed.push(today !== stored);
    }
    await db.$executeRaw`
      UPDATE "DecisionVersion" AS dv
      SET "reevaluatedWith" = ${key}, "reevaluatedRecommended" = u.now, "wouldChange" = u.changed
      FROM unnest(${ids}::text[], ${now}::text[], ${changed}::boolean[]) AS u(id, now, changed)
      WHERE dv.id = u.id`;
  }
}

/** What the current engine recommends for the answers at these prices ("none": nothing is feasible). */
export function currentRecommendation(answers: Answers, prices: PriceTable): string {
  const today: string | null = recommend(answers, { prices });
  return today ?? NO_STRATEGY;
}

/** How the re-evaluation columns spell "nothing is feasible". */
export const NO_STRATEGY = "none";
