import "server-only";
import { assessmentSchema, answersSchema, ENGINE_VERSION, type StrategyId } from "~/engine";
import { getCurrentPrices } from "~/features/admin/queries";
import { readableVersions, reevaluate } from "~/features/decisions/queries";
import { NO_STRATEGY, refreshReevaluations } from "~/features/decisions/service";
import type { Actor } from "~/server/actor";
import type { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/lib/roles";
import { db } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import type { ReviewQueueFilter } from "./schema";
import { allowedActions } from "~/features/decisions/workflow";
import { approvalChoices, digestPathLabel, finiteOrNull, formatDigestValue, strategyFigures, threadWithoutDecisionComment, type TeamLimits } from "./present";

const DAY_MS = 86_400_000;

/** Submitted decisions across teams, oldest first. */
export async function listReviewQueue(filter: ReviewQueueFilter, now: Date) {
  // The queue marks decisions whose recommendation the current engine would change.
  const reevaluatedWith = await refreshReevaluations();
  const where: Prisma.DecisionVersionWhereInput = {
    status: "SUBMITTED",
    ...(filter.teamId ? { useCase: { teamId: filter.teamId } } : {}),
    ...(filter.strategy ? { recommended: filter.strategy } : {}),
    ...(filter.criticality ? { answers: { path: ["criticality"], equals: filter.criticality } } : {}),
    ...(filter.maxConfidence !== undefined ? { confidence: { lte: filter.maxConfidence } } : {}),
    ...(filter.minAgeDays ? { submittedAt: { lte: new Date(now.getTime() - filter.minAgeDays * DAY_MS) } } : {}),
  };
  const rows = await db.decisionVersion.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      number: true,
      version: true,
      recommended: true,
      confidence: true,
      monthlyCostUsd: true,
      answers: true,
      engineVersion: true,
      reevaluatedWith: true,
      reevaluatedRecommended: true,
      wouldChange: true,
      submittedAt: true,
      submittedById: true,
      contributorIds: true,
      submittedBy: { select: { name: true } },
      useCase: { select: { id: true, title: true, tags: true, createdById: true, team: { select: { id: true, name: true } } } },
    },
  });
  return rows.map(({ answers, useCase: { createdById, ...useCase }, submittedById, contributorIds, reevaluatedWith: key, reevaluatedRecommended, wouldChange, ...row }) => ({
    ...row,
    useCase,
    recommended: row.recommended as StrategyId | null,
    /** Scored by an older engine, and the current one recommends otherwise (null: nothing feasible). */
    changedUnderCurrentEngine:
      wouldChange && key === reevaluatedWith ? { to: reevaluatedRecommended === NO_STRATEGY ? null : (reevaluatedRecommended as StrategyId | null) } : null,
    criticality: ((answers as { criticality?: string | null }).criticality ?? null) as string | null,
    ageDays: Math.floor((now.getTime() - row.submittedAt.getTime()) / DAY_MS),
    /** Who may not review it: its submitter, the use case's creator, everyone who changed its answers. */
    authorIds: [...new Set([submittedById, createdById, ...contributorIds])],
  }));
}

export function countReviewQueue() {
  return db.decisionVersion.count({ where: { status: "SUBMITTED" } });
}

/** The latency budget, staleness limit and monthly budget from stored answers (null when not given). */
function teamLimits(answers: unknown): TeamLimits {
  const a = typeof answers === "object" && answers !== null ? (answers as Record<string, unknown>) : {};
  return {
    latencyBudgetMs: finiteOrNull(a.latencyBudgetMs),
    maxStalenessSeconds: finiteOrNull(a.maxStalenessSeconds),
    monthlyBudgetUsd: finiteOrNull(a.monthlyBudgetUsd),
  };
}

export async function getReviewState(actor: Actor, useCaseId: string, number: number) {
  const version = await db.decisionVersion.findFirst({
    where: { AND: [{ useCaseId, number }, readableVersions(actor)] },
    select: {
      id: true,
      status: true,
      version: true,
      recommended: true,
      approvedStrategy: true,
      isOverride: true,
      overrideJustification: true,
      reviewComment: true,
      reviewedAt: true,
      reviewedById: true,
      reviewedBy: { select: { name: true } },
      supersededByNumber: true,
      supersedesNumber: true,
      submittedById: true,
      contributorIds: true,
      engineVersion: true,
      answers: true,
      assessment: true,
      useCase: { select: { createdById: true, status: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
      },
    },
  });
  if (!version) throw new NotFoundError("That decision");
  const { answers, assessment, useCase, submittedById, reviewedById, comments, contributorIds, ...rest } = version;
  const authorIds = [submittedById, useCase.createdById];
  const { canReview, canWithdraw } = allowedActions({ from: rest.status, actor, submitterId: submittedById, authorIds, contributorIds });
  const stored = assessmentSchema.parse(assessment);
  const today = rest.engineVersion === ENGINE_VERSION ? null : reevaluate(answersSchema.parse(answers), stored, await getCurrentPrices(db));
  // Worded here, so the page's JavaScript needs no engine code to show the differences.
  const reevaluation = today && {
    ...today,
    differences: today.differences.map((d) => ({ ...d, label: digestPathLabel(d.path), beforeText: formatDigestValue(d.path, d.before), afterText: formatDigestValue(d.path, d.after) })),
  };
  const recommended = rest.recommended as StrategyId | null;
  const ranking = stored.ranking.map((r) => ({ strategy: r.strategy, label: r.label, feasible: r.feasible }));
  const limits = teamLimits(answers);
  const figures = strategyFigures(stored);
  return {
    ...rest,
    recommended,
    approvedStrategy: rest.approvedStrategy as StrategyId | null,
    constraints: stored.constraints,
    ranking,
    /** Each strategy a reviewer may pick: whether a hard rule blocks it, whether it overrides, and how it meets the team's limits. */
    approvalChoices: approvalChoices(ranking, stored.constraints, recommended, figures, limits),
    // The decision's own comment shows once, in the review record.
    comments: threadWithoutDecisionComment(comments, { reviewedById, reviewedAt: rest.reviewedAt, reviewComment: rest.reviewComment }).map(
      ({ authorId: _author, ...c }) => c,
    ),
    /** What an override is weighed against: the team's limits and each strategy's figures (present.ts limitFit). */
    limits,
    figures,
    useCaseStatus: useCase.status,
    viewerIsReviewer: hasRole(actor.role, "REVIEWER"),
    canReview,
    isAuthor: authorIds.includes(actor.id),
    /** The viewer changed this version's answers (and so may not review it). */
    isContributor: !authorIds.includes(actor.id) && contributorIds.includes(actor.id),
    canWithdraw,
    reevaluation,
  };
}
