import "server-only";
import type { Actor, CommandContext } from "~/server/actor";
import { Prisma, type UseCaseStatus } from "~/generated/prisma/client";
import { auditActor, writeAuditEvent } from "~/server/audit";
import { db, type Tx } from "~/server/db";
import { ConflictError, NotFoundError, ValidationError } from "~/server/errors";
import type { z } from "zod";
import type { createUseCaseSchema, saveDraftSchema, submitUseCaseSchema, updateDetailsSchema, UseCaseDetails } from "./schema";
import { PRICES_KEY, pricesFromSetting } from "~/features/admin/queries";
import { createVersion } from "~/features/decisions/service";
import { emailNotices, type Notice } from "~/features/notifications/service";
import { changedAnswerFields, DRAFT_EDIT_WINDOW_MINUTES, isDraftEditable } from "./workflow";

function details(row: UseCaseDetails): UseCaseDetails {
  return {
    title: row.title,
    description: row.description,
    owner: row.owner,
    modelRepoUrl: row.modelRepoUrl,
    dashboardUrl: row.dashboardUrl,
    tags: row.tags,
  };
}

/** Locks the use case row for this transaction and checks the actor is in its team. */
async function lockWritableUseCase(tx: Tx, actor: Actor, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "UseCase" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("That use case");
  const useCase = await tx.useCase.findFirst({
    where: { id, team: { memberships: { some: { userId: actor.id } } } },
  });
  // Someone else's use case is indistinguishable from a missing one.
  if (!useCase) throw new NotFoundError("That use case");
  return useCase;
}

/**
 * The submission's reads, in two round trips: the row lock, then (in a new statement, whose
 * snapshot sees everything committed before the lock was granted) the use case, whether the
 * actor is in its team, a version already made with this idempotency key, the latest version
 * number and the organisation's price table.
 */
async function lockForSubmission(tx: Tx, actor: Actor, id: string, idempotencyKey: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "UseCase" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("That use case");
  const [row] = await tx.$queryRaw<
    {
      title: string;
      status: UseCaseStatus;
      revision: number;
      draftContributorIds: string[];
      isMember: boolean;
      replayNumber: number | null;
      latestNumber: number | null;
      prices: unknown;
    }[]
  >`
    SELECT uc.title, uc.status::text AS status, uc.revision, uc."draftContributorIds",
      EXISTS (SELECT 1 FROM "TeamMembership" m WHERE m."teamId" = uc."teamId" AND m."userId" = ${actor.id}) AS "isMember",
      (SELECT v.number FROM "DecisionVersion" v WHERE v."useCaseId" = uc.id AND v."idempotencyKey" = ${idempotencyKey}::uuid) AS "replayNumber",
      (SELECT max(v.number) FROM "DecisionVersion" v WHERE v."useCaseId" = uc.id) AS "latestNumber",
      (SELECT s.value FROM "Setting" s WHERE s.key = ${PRICES_KEY}) AS prices
    FROM "UseCase" uc WHERE uc.id = ${id}`;
  // Someone else's use case is indistinguishable from a missing one.
  if (!row?.isMember) throw new NotFoundError("That use case");
  return row;
}

function assertRevision(current: number, expected: number) {
  if (current !== expected) {
    throw new ConflictError(
      "A teammate changed this use case after you opened it. Reload to see their version, then re-apply your change.",
    );
  }
}

export async function createUseCase(ctx: CommandContext, input: z.infer<typeof createUseCaseSchema>) {
  return db.$transaction(async (tx) => {
    const membership = await tx.teamMembership.findUnique({
      where: { userId_teamId: { userId: ctx.actor.id, teamId: input.teamId } },
    });
    if (!membership) throw new ValidationError("Choose one of your teams.", { teamId: ["Choose one of your teams."] });
    const { teamId, ...rest } = input;
    const useCase = await tx.useCase.create({
      data: { ...rest, teamId, createdById: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "USE_CASE_CREATED",
      entityType: "UseCase",
      entityId: useCase.id,
      payload: { teamId, after: details(input) },
    });
    return useCase;
  });
}

export async function updateUseCaseDetails(ctx: CommandContext, input: z.infer<typeof updateDetailsSchema>) {
  return db.$transaction(async (tx) => {
    const current = await lockWritableUseCase(tx, ctx.actor, input.id);
    assertRevision(current.revision, input.expectedRevision);
    const before = details(current);
    const after = details(input);
    const changed = (Object.keys(after) as (keyof UseCaseDetails)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length === 0) return { revision: current.revision };
    const updated = await tx.useCase.update({
      where: { id: input.id },
      data: { ...after, revision: { increment: 1 }, updatedAt: ctx.now },
      select: { revision: true },
    });
    await writeAuditEvent(tx, {
      actor: auditActor(ctx.actor),
      now: ctx.now,
      requestId: ctx.requestId,
      action: "USE_CASE_DETAILS_CHANGED",
      entityType: "UseCase",
      entityId: input.id,
      payload: {
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
    return updated;
  });
}

/**
 * Saves the working answers. Whoever changes an answer becomes a contributor of the draft
 * (an author of the version it becomes, for four eyes) and is on the record: one DRAFT_EDITED
 * event per editor per draft per DRAFT_EDIT_WINDOW_MINUTES and per submission, not one per
 * autosave (the append-only trail cannot update an event in place, so later saves in the
 * window append nothing). A save that changes no answer adds neither.
 */
export async function saveDraft(ctx: CommandContext, input: z.infer<typeof saveDraftSchema>) {
  return db.$transaction(async (tx) => {
    const current = await lockWritableUseCase(tx, ctx.actor, input.id);
    assertRevision(current.revision, input.expectedRevision);
    if (!isDraftEditable(current.status)) {
      throw new ConflictError("This use case is under review: withdraw the submitted version before editing it.");
    }
    const fields = changedAnswerFields(current.draftAnswers, input.answers);
    const newContributor = fields.length > 0 && !current.draftContributorIds.includes(ctx.actor.id);
    const updated = await tx.useCase.update({
      where: { id: input.id },
      data: {
        draftAnswers: input.answers as Prisma.InputJsonValue,
        revision: { increment: 1 },
        updatedAt: ctx.now,
        ...(newContributor ? { draftContributorIds: { push: ctx.actor.id } } : {}),
      },
      select: { revision: true, updatedAt: true },
    });
    if (fields.length > 0 && !(await hasOpenDraftEditEvent(tx, ctx, input.id))) {
      await writeAuditEvent(tx, {
        actor: auditActor(ctx.actor),
        now: ctx.now,
        requestId: ctx.requestId,
        action: "DRAFT_EDITED",
        entityType: "UseCase",
        entityId: input.id,
        payload: {
          fields,
          revision: updated.revision,
          coalescedUntil: new Date(ctx.now.getTime() + DRAFT_EDIT_WINDOW_MINUTES * 60_000).toISOString(),
        },
      });
    }
    return { revision: updated.revision, savedAt: updated.updatedAt };
  });
}

/**
 * Whether the actor already has a DRAFT_EDITED event for this draft whose window is still open:
 * written less than DRAFT_EDIT_WINDOW_MINUTES ago and after the use case's latest submission.
 */
async function hasOpenDraftEditEvent(tx: Tx, ctx: CommandContext, useCaseId: string): Promise<boolean> {
  const windowStart = new Date(ctx.now.getTime() - DRAFT_EDIT_WINDOW_MINUTES * 60_000);
  const [row] = await tx.$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "AuditEvent" e
      WHERE e."entityType" = 'UseCase' AND e."entityId" = ${useCaseId} AND e.action = 'DRAFT_EDITED' AND e."actorId" = ${ctx.actor.id}
        AND e."occurredAt" > ${windowStart}
        AND e."occurredAt" >= coalesce((SELECT max(v."submittedAt") FROM "DecisionVersion" v WHERE v."useCaseId" = ${useCaseId}), '-infinity')
    ) AS open`;
  return row?.open ?? false;
}

/**
 * Submits the answers as version N+1: re-scored here with the engine (a score from the
 * browser is never trusted), stored with the full assessment and ENGINE_VERSION, in one
 * transaction with its audit event. The idempotency key makes a retried or doubled request
 * return the version it already created.
 */
export async function submitUseCase(ctx: CommandContext, input: z.infer<typeof submitUseCaseSchema>) {
  const attempt = () =>
    db.$transaction(async (tx) => {
      const current = await lockForSubmission(tx, ctx.actor, input.id, input.idempotencyKey);
      if (current.replayNumber !== null) return { versionNumber: current.replayNumber, replayed: true, notices: [] as Notice[] };
      assertRevision(current.revision, input.expectedRevision);
      if (!isDraftEditable(current.status)) {
        throw new ConflictError("A version of this use case is already under review. Withdraw it to submit a new one.");
      }
      const { number, notices } = await createVersion(tx, ctx, {
        useCaseId: input.id,
        title: current.title,
        statusBefore: current.status,
        answers: input.answers,
        idempotencyKey: input.idempotencyKey,
        latestNumber: current.latestNumber,
        prices: pricesFromSetting(current.prices),
        contributorIds: current.draftContributorIds,
      });
      return { versionNumber: number, replayed: false, notices };
    });
  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // Two first submissions racing on one key: the loser hits the unique index; replay.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    result = await attempt();
  }
  void emailNotices(result.notices);
  return { versionNumber: result.versionNumber, replayed: result.replayed };
}
