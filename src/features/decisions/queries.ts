import "server-only";
import diff from "microdiff";
import { assess, assessmentSchema, answersSchema, ENGINE_VERSION, type Answers, type Assessment, type PriceTable, type StrategyId } from "~/engine";
import { readableBy, useCaseDetailsSelect } from "~/features/use-cases/queries";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/server/actor";
import { db } from "~/server/db";
import { NotFoundError } from "~/server/errors";

/**
 * Reading decision versions: one version as its page shows it, two versions compared, and
 * what today's engine would say about stored answers. Visibility is the use cases' rule
 * (readableBy): a version is readable exactly when its use case is.
 */

/** Where-clause for decision versions the actor may read (same rule as use cases). */
export function readableVersions(actor: Actor): Prisma.DecisionVersionWhereInput {
  return { useCase: readableBy(actor) };
}

export async function getDecision(actor: Actor, useCaseId: string, number: number) {
  const version = await db.decisionVersion.findFirst({
    where: { useCaseId, number, useCase: readableBy(actor) },
    select: {
      number: true,
      status: true,
      answers: true,
      assessment: true,
      engineVersion: true,
      recommended: true,
      approvedStrategy: true,
      confidence: true,
      monthlyCostUsd: true,
      isOverride: true,
      reviewComment: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      submittedAt: true,
      submittedBy: { select: { name: true, email: true } },
      useCase: { select: { ...useCaseDetailsSelect, team: { select: { id: true, name: true } } } },
    },
  });
  if (!version) throw new NotFoundError("That decision");
  return {
    ...version,
    recommended: version.recommended as StrategyId | null,
    approvedStrategy: version.approvedStrategy as StrategyId | null,
    // Stored with the engine version that produced them; parsed so the page gets typed data.
    answers: answersSchema.parse(version.answers) as Answers,
    assessment: assessmentSchema.parse(version.assessment) as Assessment,
  };
}

/** What today's engine says about stored answers, and what changed. */
export function reevaluate(answers: ReturnType<typeof answersSchema.parse>, stored: Assessment, prices: PriceTable) {
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
    /**
     * Where each answer would flip the recommendation, by answer and direction ("processingTimeMs~increase": 150.1):
     * the flip's value as the assessment shows it, not the bisection's last unchanged value (which
     * moves within the search's tolerance when nothing that matters changed).
     */
    flips: Object.fromEntries(a.flips.map((f) => [flipKey(f), f.value])),
  };
}

/** A flip's place in the digest: the answer and the direction it moves in. */
function flipKey(f: Assessment["flips"][number]): string {
  return `${f.field}~${f.direction}`;
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
