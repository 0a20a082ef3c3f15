import "server-only";
import diff from "microdiff";
import { assess, assessmentSchema, answersSchema, ENGINE_VERSION, type Assessment, type PriceTable, type StrategyId } from "~/engine";
import { getCurrentPrices } from "~/features/admin/queries";
import { readableBy } from "~/features/use-cases/queries";
import type { Actor } from "~/server/actor";
import type { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/lib/roles";
import { db } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import type { ReviewQueueFilter } from "./schema";
import { allowedActions } from "./workflow";

const DAY_MS = 86_400_000;

/** Submitted decisions across teams, oldest first. */
export async function listReviewQueue(filter: ReviewQueueFilter, now: Date) {
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
      submittedAt: true,
      submittedById: true,
      submittedBy: { select: { name: true } },
      useCase: { select: { id: true, title: true, tags: true, createdById: true, team: { select: { id: true, name: true } } } },
    },
  });
  return rows.map(({ answers, useCase: { createdById, ...useCase }, submittedById, ...row }) => ({
    ...row,
    useCase,
    recommended: row.recommended as StrategyId,
    criticality: ((answers as { criticality?: string | null }).criticality ?? null) as string | null,
    ageDays: Math.floor((now.getTime() - row.submittedAt.getTime()) / DAY_MS),
    authorIds: [submittedById, createdById],
  }));
}

export function countReviewQueue() {
  return db.decisionVersion.count({ where: { status: "SUBMITTED" } });
}

/** Where-clause for decision versions the actor may read (same rule as use cases). */
function readableVersions(actor: Actor): Prisma.DecisionVersionWhereInput {
  return { useCase: readableBy(actor) };
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
      reviewedBy: { select: { name: true } },
      supersededByNumber: true,
      supersedesNumber: true,
      submittedById: true,
      engineVersion: true,
      answers: true,
      assessment: true,
      useCase: { select: { createdById: true, status: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!version) throw new NotFoundError("That decision");
  const { answers, assessment, useCase, submittedById, ...rest } = version;
  const authorIds = [submittedById, useCase.createdById];
  const { canReview, canWithdraw } = allowedActions({ from: rest.status, actor, submitterId: submittedById, authorIds });
  const stored = assessmentSchema.parse(assessment);
  const reevaluation =
    rest.engineVersion === ENGINE_VERSION ? null : reevaluate(answersSchema.parse(answers), stored, await getCurrentPrices(db));
  return {
    ...rest,
    recommended: rest.recommended as StrategyId,
    approvedStrategy: rest.approvedStrategy as StrategyId | null,
    constraints: stored.constraints,
    ranking: stored.ranking.map((r) => ({ strategy: r.strategy, label: r.label, feasible: r.feasible })),
    useCaseStatus: useCase.status,
    viewerIsReviewer: hasRole(actor.role, "REVIEWER"),
    canReview,
    isAuthor: authorIds.includes(actor.id),
    canWithdraw,
    reevaluation,
  };
}

/** What today's engine says about stored answers, and what changed. */
function reevaluate(answers: ReturnType<typeof answersSchema.parse>, stored: Assessment, prices: PriceTable) {
  const today = assess(answers, { prices });
  return {
    engineVersion: ENGINE_VERSION,
    recommended: today.recommended,
    changed: today.recommended !== stored.recommended,
    differences: summariseAssessmentDiff(stored, today),
  };
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
  kind: "CREATE" | "REMOVE" | "CHANGE";
}

function changes(before: object, after: object): FieldChange[] {
  return diff(before, after).map((d) => ({
    path: d.path.join("."),
    kind: d.type,
    before: "oldValue" in d ? d.oldValue : undefined,
    after: "value" in d ? d.value : undefined,
  }));
}

/** The parts of an assessment a reviewer compares: recommendation, scores, key estimates. */
function assessmentDigest(a: Assessment) {
  return {
    recommended: a.recommended,
    serving: a.serving,
    confidence: a.confidence.value,
    scores: Object.fromEntries(a.ranking.map((r) => [r.strategy, r.score])),
    feasible: Object.fromEntries(a.ranking.map((r) => [r.strategy, r.feasible])),
    monthlyCostUsd: Object.fromEntries(a.tradeoffs.map((t) => [t.strategy, t.cost.monthlyUsd])),
    p99LatencyMs: Object.fromEntries(a.tradeoffs.map((t) => [t.strategy, t.latency.p99Ms])),
  };
}

export function summariseAssessmentDiff(before: Assessment, after: Assessment): FieldChange[] {
  return changes(assessmentDigest(before), assessmentDigest(after));
}

/** Side-by-side comparison of two versions: answers and assessment, with the changed paths. */
export async function compareVersions(actor: Actor, useCaseId: string, from: number, to: number) {
  const versions = await db.decisionVersion.findMany({
    where: { AND: [{ useCaseId, number: { in: [from, to] } }, readableVersions(actor)] },
    select: { number: true, status: true, answers: true, assessment: true, engineVersion: true, submittedAt: true },
  });
  const left = versions.find((v) => v.number === from);
  const right = versions.find((v) => v.number === to);
  if (!left || !right) throw new NotFoundError("One of those versions");
  const parse = (v: typeof left) => ({
    number: v.number,
    status: v.status,
    engineVersion: v.engineVersion,
    submittedAt: v.submittedAt,
    answers: answersSchema.parse(v.answers),
    assessment: assessmentSchema.parse(v.assessment),
  });
  const a = parse(left);
  const b = parse(right);
  return {
    from: { ...a, digest: assessmentDigest(a.assessment) },
    to: { ...b, digest: assessmentDigest(b.assessment) },
    answerChanges: changes(a.answers, b.answers),
    assessmentChanges: summariseAssessmentDiff(a.assessment, b.assessment),
  };
}
