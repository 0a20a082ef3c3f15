import "server-only";
import { answersSchema, assessmentSchema, ENGINE_VERSION } from "~/engine";
import type { Actor, CommandContext } from "~/server/actor";
import { emailNotices, type Notice } from "~/features/notifications/service";
import { getCurrentPrices } from "~/features/admin/queries";
import { decisionLink, insertVersion } from "~/features/use-cases/service";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { db, type Tx } from "~/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/server/errors";
import type { z } from "zod";
import type { addCommentSchema, ReviewDecisionInput, withdrawDecisionSchema } from "./schema";
import { checkOverride, commentRequirement, REFUSAL_MESSAGES, SUPERSEDE, transition, type DecisionStatus, type ReviewAction } from "./workflow";


const SYSTEM_ACTOR = { id: null, name: "Servewise", email: "system@servewise" };

const ACTION_AUDIT = {
  APPROVE: "DECISION_APPROVED",
  REJECT: "DECISION_REJECTED",
  REQUEST_CHANGES: "DECISION_CHANGES_REQUESTED",
} as const;

const ACTION_WORDS: Record<ReviewAction, string> = {
  APPROVE: "approved",
  REJECT: "rejected",
  REQUEST_CHANGES: "sent back with requested changes",
  WITHDRAW: "withdrawn",
  SUPERSEDE: "superseded",
};

/** A version the actor may see (a member of its team, or a reviewer/admin); otherwise NOT_FOUND. */
async function loadVisibleVersion(tx: Tx, actor: Actor, useCaseId: string, number: number) {
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
 * Approve, reject or request changes. The four-eyes rule and the optimistic version check
 * are part of the single UPDATE that changes the status, so two reviewers racing, or an
 * author bypassing the UI, can never slip through; the audit event, the supersession of the
 * previously approved version and the notification commit in the same transaction.
 */
export async function reviewDecision(ctx: CommandContext, input: ReviewDecisionInput) {
  const { notices, ...result } = await db.$transaction(async (tx) => {
    const current = await loadVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const authorIds = [current.submittedById, current.useCase.createdById];
    const check = transition({
      from: current.status as DecisionStatus,
      action: input.action,
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      submitterId: current.submittedById,
      authorIds,
    });
    if (!check.ok) {
      if (check.refusal === "INVALID_STATE") {
        throw new ConflictError(`${REFUSAL_MESSAGES.INVALID_STATE} It is now ${current.status.toLowerCase().replace("_", " ")} (version ${current.version}).`);
      }
      throw new ForbiddenError(REFUSAL_MESSAGES[check.refusal]);
    }

    const assessment = assessmentSchema.parse(current.assessment);
    const approvedStrategy = input.action === "APPROVE" ? (input.approvedStrategy ?? current.recommended) : null;
    let override: { justification: string; softConstraintsOverridden: string[] } | null = null;
    const comment = input.comment?.trim() || null;
    if (approvedStrategy !== null) {
      const result = checkOverride({
        recommended: current.recommended,
        approved: approvedStrategy,
        constraints: assessment.constraints,
        feasible: assessment.ranking.find((r) => r.strategy === approvedStrategy)?.feasible ?? false,
      });
      if (!result.ok) throw new ValidationError(result.message, { approvedStrategy: [result.message] });
      if (result.isOverride) {
        if (!comment) {
          throw new ValidationError("Explain why you approve a different strategy than recommended.", {
            comment: ["A justification is required to override the engine's recommendation."],
          });
        }
        override = { justification: comment, softConstraintsOverridden: result.softConstraintsOverridden };
      }
    }
    if (commentRequirement(input.action, override !== null) === "required" && !comment) {
      throw new ValidationError("Add a comment so the team knows what to change.", { comment: ["A comment is required."] });
    }

    const updated = await tx.decisionVersion.updateMany({
      where: {
        id: current.id,
        version: input.expectedVersion,
        status: "SUBMITTED",
        submittedById: { not: ctx.actor.id },
        useCase: { createdById: { not: ctx.actor.id } },
      },
      data: {
        status: check.to,
        version: { increment: 1 },
        reviewedById: ctx.actor.id,
        reviewedAt: ctx.now,
        reviewComment: comment,
        approvedStrategy,
        isOverride: override !== null,
        overrideJustification: override?.justification ?? null,
      },
    });
    if (updated.count === 0) {
      throw new ConflictError(
        `Someone else acted on this version first: it is now ${current.status === "SUBMITTED" ? "changed" : current.status.toLowerCase()} (you saw version ${input.expectedVersion}, it is at ${current.version}). Reload to see the current state.`,
      );
    }

    let supersedes: number | null = null;
    if (check.to === "APPROVED") {
      const previous = await tx.decisionVersion.findMany({
        where: { useCaseId: input.useCaseId, status: SUPERSEDE.from, id: { not: current.id } },
        select: { id: true, number: true },
      });
      for (const p of previous) {
        await tx.decisionVersion.update({
          where: { id: p.id },
          data: { status: SUPERSEDE.to, supersededByNumber: input.number, version: { increment: 1 } },
        });
        await writeAuditEvent(tx, {
          actor: SYSTEM_ACTOR,
          now: ctx.now,
          requestId: ctx.requestId,
          action: "DECISION_SUPERSEDED",
          entityType: "DecisionVersion",
          entityId: p.id,
          payload: { useCaseId: input.useCaseId, versionNumber: p.number, statusBefore: SUPERSEDE.from, statusAfter: SUPERSEDE.to, supersededByNumber: input.number },
        });
        supersedes = Math.max(supersedes ?? 0, p.number);
      }
      if (supersedes !== null) await tx.decisionVersion.update({ where: { id: current.id }, data: { supersedesNumber: supersedes } });
    }

    await tx.useCase.update({
      where: { id: input.useCaseId },
      data: { status: check.to as "APPROVED" | "REJECTED" | "CHANGES_REQUESTED", updatedAt: ctx.now },
    });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: ACTION_AUDIT[input.action],
      entityType: "DecisionVersion",
      entityId: current.id,
      payload: {
        useCaseId: input.useCaseId,
        versionNumber: input.number,
        statusBefore: current.status,
        statusAfter: check.to,
        version: input.expectedVersion + 1,
        comment,
        recommended: current.recommended,
        approvedStrategy,
        override,
      },
    });
    if (comment) {
      await tx.comment.create({
        data: { decisionVersionId: current.id, authorId: ctx.actor.id, body: comment, createdAt: ctx.now },
      });
    }
    const notices: Notice[] = [...new Set(authorIds)]
      .filter((userId) => userId !== ctx.actor.id)
      .map((userId) => ({
        userId,
        kind: ACTION_AUDIT[input.action],
        title: `${current.useCase.title} v${input.number} was ${ACTION_WORDS[input.action]}`,
        body: override ? `Approved as ${approvedStrategy} (override): ${comment ?? ""}`.slice(0, 1000) : (comment ?? "").slice(0, 1000),
        link: decisionLink(input.useCaseId, input.number),
      }));
    await tx.notification.createMany({ data: notices.map((n) => ({ ...n, createdAt: ctx.now })) });
    return { status: check.to, version: input.expectedVersion + 1, supersedes, notices };
  });
  void emailNotices(notices);
  return result;
}

/** The submitter takes a submitted version back; the team can edit and resubmit. */
export async function withdrawDecision(ctx: CommandContext, input: z.infer<typeof withdrawDecisionSchema>) {
  return db.$transaction(async (tx) => {
    const current = await loadVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const check = transition({
      from: current.status as DecisionStatus,
      action: "WITHDRAW",
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      submitterId: current.submittedById,
      authorIds: [current.submittedById, current.useCase.createdById],
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

export async function addComment(ctx: CommandContext, input: z.infer<typeof addCommentSchema>) {
  return db.$transaction(async (tx) => {
    const version = await loadVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const comment = await tx.comment.create({
      data: { decisionVersionId: version.id, authorId: ctx.actor.id, body: input.body, createdAt: ctx.now },
      select: { id: true, body: true, createdAt: true },
    });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "COMMENT_ADDED",
      entityType: "Comment",
      entityId: comment.id,
      payload: { useCaseId: input.useCaseId, versionNumber: input.number, body: input.body },
    });
    return comment;
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
    const source = await loadVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
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
    const { number, notices } = await insertVersion(tx, ctx, {
      useCaseId: input.useCaseId,
      title: useCase.title,
      statusBefore: useCase.status,
      answers: answersSchema.parse(source.answers),
      idempotencyKey: input.idempotencyKey,
      latestNumber: latest._max.number,
      prices: await getCurrentPrices(tx),
    });
    return { versionNumber: number, notices };
  });
  void emailNotices(notices);
  return { versionNumber };
}
