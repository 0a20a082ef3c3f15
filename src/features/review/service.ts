import "server-only";
import { assessmentSchema, STRATEGY_LABELS, type StrategyId } from "~/engine";
import { decisionLink } from "~/features/decisions/present";
import { lockVisibleVersion, recordReview, supersedePreviouslyApproved } from "~/features/decisions/service";
import { REFUSAL_MESSAGES, transition, type DecisionStatus } from "~/features/decisions/workflow";
import { noticeTitle, REVIEW_NOTICE_VERBS } from "~/features/notifications/present";
import { emailNotices, notify, type Notice } from "~/features/notifications/service";
import type { CommandContext } from "~/server/actor";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { db } from "~/server/db";
import { ConflictError, ForbiddenError, ValidationError } from "~/server/errors";
import type { z } from "zod";
import type { addCommentSchema, ReviewDecisionInput } from "./schema";
import { allowedReviewActions, checkOverride, commentRequirement, NOTHING_TO_APPROVE } from "./workflow";

/**
 * The reviewer's actions on a decision version (approve, reject, request changes, comment),
 * carried out through features/decisions, which owns the versions and their transitions.
 */

const ACTION_AUDIT = {
  APPROVE: "DECISION_APPROVED",
  REJECT: "DECISION_REJECTED",
  REQUEST_CHANGES: "DECISION_CHANGES_REQUESTED",
} as const;

/**
 * Approve, reject or request changes. The four-eyes rule and the optimistic version check
 * are part of the single UPDATE that changes the status, so two reviewers racing, or an
 * author bypassing the UI, can never slip through; the audit event, the supersession of the
 * previously approved version and the notification commit in the same transaction.
 */
export async function reviewDecision(ctx: CommandContext, input: ReviewDecisionInput) {
  const { notices, ...result } = await db.$transaction(async (tx) => {
    const current = await lockVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
    const authorIds = [current.submittedById, current.useCase.createdById];
    const check = transition({
      from: current.status as DecisionStatus,
      action: input.action,
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      submitterId: current.submittedById,
      authorIds,
      contributorIds: current.contributorIds,
    });
    if (!check.ok) {
      if (check.refusal === "INVALID_STATE") {
        throw new ConflictError(`${REFUSAL_MESSAGES.INVALID_STATE} It is now ${current.status.toLowerCase().replace("_", " ")} (version ${current.version}).`);
      }
      throw new ForbiddenError(REFUSAL_MESSAGES[check.refusal]);
    }

    const assessment = assessmentSchema.parse(current.assessment);
    // Nothing feasible: the server refuses an approval whatever the UI offered.
    if (!allowedReviewActions(current.recommended).includes(input.action)) {
      throw new ValidationError(NOTHING_TO_APPROVE, { action: [NOTHING_TO_APPROVE] });
    }
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

    const recorded = await recordReview(tx, ctx, {
      current,
      to: check.to,
      expectedVersion: input.expectedVersion,
      comment,
      approvedStrategy,
      override: override?.justification ?? null,
    });
    if (!recorded) {
      throw new ConflictError(
        `Someone else acted on this version first: it is now ${current.status === "SUBMITTED" ? "changed" : current.status.toLowerCase()} (you saw version ${input.expectedVersion}, it is at ${current.version}). Reload to see the current state.`,
      );
    }

    const supersedes = check.to === "APPROVED" ? await supersedePreviouslyApproved(tx, ctx, { useCaseId: input.useCaseId, approved: current }) : null;

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
        title: noticeTitle(ctx.actor.name, REVIEW_NOTICE_VERBS[input.action], current.useCase.title, input.number),
        body: (override && approvedStrategy
          ? `Approved ${STRATEGY_LABELS[approvedStrategy as StrategyId]} instead of the recommended ${STRATEGY_LABELS[current.recommended as StrategyId]} (override): ${comment ?? ""}`
          : approvedStrategy
            ? `Approved ${STRATEGY_LABELS[approvedStrategy as StrategyId]}${comment ? `: ${comment}` : "."}`
            : (comment ?? "")
        ).slice(0, 1000),
        link: decisionLink(input.useCaseId, input.number),
      }));
    await notify(tx, notices, ctx.now);
    return { status: check.to, version: input.expectedVersion + 1, supersedes, notices };
  });
  void emailNotices(notices);
  return result;
}

export async function addComment(ctx: CommandContext, input: z.infer<typeof addCommentSchema>) {
  return db.$transaction(async (tx) => {
    const version = await lockVisibleVersion(tx, ctx.actor, input.useCaseId, input.number);
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
