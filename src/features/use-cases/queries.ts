import "server-only";
import type { Answers, StrategyId } from "~/engine";
import type { Actor } from "~/server/actor";
import { getCurrentPrices } from "~/features/admin/queries";
import type { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/lib/roles";
import { db } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import { canReadUseCase, canWriteUseCase, isDraftEditable } from "./workflow";

/**
 * Which use cases an actor may see, as a where-clause (the same rule as canReadUseCase):
 * their teams' use cases, and for reviewers and admins every use case with a submitted version.
 * The decision, review and audit reads all filter through it.
 */
export function readableBy(actor: Actor): Prisma.UseCaseWhereInput {
  const member: Prisma.UseCaseWhereInput = { team: { memberships: { some: { userId: actor.id } } } };
  return hasRole(actor.role, "REVIEWER") ? { OR: [member, { versions: { some: {} } }] } : member;
}

/** What a version's outcome needs (decisions/present.ts `decisionOutcome`): the decision on record first. */
export const outcomeSelect = {
  status: true,
  approvedStrategy: true,
  isOverride: true,
  reviewedAt: true,
  reviewedBy: { select: { name: true } },
} as const;

/** The details a team keeps about a use case (what its pages and decisions show). */
export const useCaseDetailsSelect = {
  id: true,
  title: true,
  description: true,
  owner: true,
  modelRepoUrl: true,
  dashboardUrl: true,
  tags: true,
  status: true,
} as const;

export async function getUseCase(actor: Actor, id: string) {
  const useCase = await db.useCase.findFirst({
    where: { AND: [{ id }, readableBy(actor)] },
    select: {
      ...useCaseDetailsSelect,
      draftAnswers: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
      team: { select: { id: true, name: true, memberships: { where: { userId: actor.id }, select: { userId: true } } } },
      createdBy: { select: { name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          number: true,
          recommended: true,
          confidence: true,
          engineVersion: true,
          submittedAt: true,
          submittedBy: { select: { name: true } },
          ...outcomeSelect,
        },
      },
    },
  });
  if (!useCase) throw new NotFoundError("That use case");
  const { memberships, ...team } = useCase.team;
  const access = {
    isTeamMember: memberships.length > 0,
    isReviewer: hasRole(actor.role, "REVIEWER"),
    hasSubmittedVersion: useCase.versions.length > 0,
  };
  if (!canReadUseCase(access)) throw new NotFoundError("That use case");
  const isMember = canWriteUseCase(access);
  return {
    ...useCase,
    team,
    /** The organisation's price table, so the browser's live preview scores like the server. */
    prices: await getCurrentPrices(db),
    // Drafts are visible only to their team.
    draftAnswers: isMember ? (useCase.draftAnswers as Partial<Answers>) : null,
    canEdit: isMember && isDraftEditable(useCase.status),
    /** Members may fix the title, links and tags at any time, even under review. */
    canEditDetails: isMember,
    versions: useCase.versions.map((v) => ({ ...v, recommended: v.recommended as StrategyId | null, approvedStrategy: v.approvedStrategy as StrategyId | null })),
  };
}

export async function listMyUseCases(actor: Actor, filter: { query?: string; teamId?: string }) {
  const query = filter.query?.trim();
  const rows = await db.useCase.findMany({
    where: {
      team: { memberships: { some: { userId: actor.id } } },
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
      ...(query
        ? { OR: [{ title: { contains: query, mode: "insensitive" as const } }, { tags: { has: query.toLowerCase() } }] }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      tags: true,
      status: true,
      updatedAt: true,
      team: { select: { id: true, name: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, recommended: true, ...outcomeSelect } },
    },
  });
  // The decision in force when the latest version is not it (v1 approved, v2 awaiting review).
  const approvedIds = rows.filter((r) => r.versions[0] && r.versions[0].status !== "APPROVED").map((r) => r.id);
  const inForce = approvedIds.length
    ? await db.decisionVersion.findMany({
        where: { useCaseId: { in: approvedIds }, status: "APPROVED" },
        select: { useCaseId: true, number: true, recommended: true, ...outcomeSelect },
      })
    : [];
  return rows.map(({ versions, ...row }) => {
    const latest = versions[0];
    const approved = inForce.find((v) => v.useCaseId === row.id);
    return {
      ...row,
      latest: latest ? { ...latest, recommended: latest.recommended as StrategyId | null, approvedStrategy: latest.approvedStrategy as StrategyId | null } : null,
      inForce: approved ? { ...approved, recommended: approved.recommended as StrategyId | null, approvedStrategy: approved.approvedStrategy as StrategyId | null } : null,
    };
  });
}
