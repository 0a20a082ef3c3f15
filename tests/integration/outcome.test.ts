import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, STRATEGY_LABELS, type Answers } from "~/engine";
import { listDecisionLog } from "~/features/decision-log/queries";
import { assessmentChangeSummary } from "~/features/review/present";
import { exportDecisionLog } from "~/features/decision-log/service";
import { findUserByEmail } from "~/server/auth/identity";
import { db } from "~/server/db";
import { callerFor, makeTeam, makeUser } from "./helpers";

/**
 * The decision on record, end to end through the API: the log's and the exports' cost column
 * hold the approved strategy's cost after an override, notifications name who acted, the
 * reviewer's decision comment shows once, the audit viewer names use cases.
 */
type User = Awaited<ReturnType<typeof makeUser>>;
const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
const assessment = assess(fraud);
// Engine 2.0: real-time is the only feasible server-side strategy for card fraud; edge is feasible
// too (the model demonstrably fits a device), at no server cost: a cost that differs from the recommendation's.
const override = assessment.ranking.find((r) => r.feasible && r.strategy !== assessment.recommended)!;
const costOf = (strategy: string) => assessment.tradeoffs.find((t) => t.strategy === strategy)!.cost.monthlyUsd;

let member: User;
let raj: User;
let admin: User;
let useCaseId: string;
let title: string;
const tag = `outcome${randomUUID().slice(0, 8)}`;

async function readAll(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

beforeAll(async () => {
  const team = await makeTeam("Outcome");
  member = await makeUser({ teamSlugs: [team.slug] });
  raj = await makeUser({ role: "REVIEWER" });
  admin = await makeUser({ role: "ADMIN" });
  await db.user.update({ where: { id: raj.id }, data: { name: "Raj Patel" } });
  title = `Card fraud ${tag}`;
  ({ id: useCaseId } = await callerFor(member).useCase.create({ teamId: team.id, title, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [tag] }));
  await callerFor(member).useCase.submit({ id: useCaseId, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud as Answers });
});

describe("the decision on record", () => {
  it("notifications name who acted: the submission, the change request, the override approval", async () => {
    const submitted = await db.notification.findFirstOrThrow({ where: { userId: raj.id, link: `/use-cases/${useCaseId}/versions/1` } });
    expect(submitted.title).toBe(`${member.name} submitted ${title} v1`);

    await callerFor(raj).review.decide({ useCaseId, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "What is the real peak load?" });
    const changes = await db.notification.findFirstOrThrow({ where: { userId: member.id, kind: "DECISION_CHANGES_REQUESTED" } });
    expect(changes.title).toBe(`Raj Patel requested changes on ${title} v1`);
    expect(changes.body).toBe("What is the real peak load?");

    // The comment is on the record and in the thread's storage, but the thread shows it once.
    const state = await callerFor(member).review.state({ useCaseId, number: 1 });
    expect(state.reviewComment).toBe("What is the real peak load?");
    expect(state.comments.map((c) => c.body)).not.toContain("What is the real peak load?");
    await callerFor(member).review.comment({ useCaseId, number: 1, body: "It is 400 per second." });
    expect((await callerFor(raj).review.state({ useCaseId, number: 1 })).comments.map((c) => c.body)).toEqual(["It is 400 per second."]);

    const { revision } = await db.useCase.findUniqueOrThrow({ where: { id: useCaseId }, select: { revision: true } });
    await callerFor(member).useCase.submit({ id: useCaseId, expectedRevision: revision, idempotencyKey: randomUUID(), answers: fraud as Answers });
    await callerFor(raj).review.decide({
      useCaseId,
      number: 2,
      expectedVersion: 1,
      action: "APPROVE",
      approvedStrategy: override.strategy,
      comment: "The platform team runs this already.",
    });
    const approved = await db.notification.findFirstOrThrow({ where: { userId: member.id, kind: "DECISION_APPROVED" } });
    expect(approved.title).toBe(`Raj Patel approved ${title} v2`);
    expect(approved.body).toBe(
      `Approved ${STRATEGY_LABELS[override.strategy]} instead of the recommended ${STRATEGY_LABELS[assessment.recommended!]} (override): The platform team runs this already.`,
    );
  });

  it("the log and both exports give the approved strategy's cost after an override, not the recommended one's", async () => {
    expect(costOf(override.strategy)).not.toBeNull();
    expect(costOf(override.strategy)).not.toBe(costOf(assessment.recommended!));
    const actor = (await findUserByEmail(raj.email))!;
    const filter = { q: tag };
    const { rows } = await listDecisionLog(actor, { filter, limit: 10 });
    const byNumber = Object.fromEntries(rows.map((r) => [r.number, r]));
    expect(byNumber[2]).toMatchObject({ status: "APPROVED", approvedStrategy: override.strategy, isOverride: true, monthlyCostUsd: costOf(override.strategy) });
    // Not yet approved (changes requested): the recommended strategy's estimate.
    expect(byNumber[1]).toMatchObject({ status: "CHANGES_REQUESTED", monthlyCostUsd: costOf(assessment.recommended!) });

    const csv = await readAll((await exportDecisionLog({ actor, now: new Date() }, { filter, format: "csv" })).stream);
    const records = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const v2 = records.find((r) => r.version === "2")!;
    expect(v2.approved_strategy).toBe(override.strategy);
    expect(Number(v2.monthly_cost_usd)).toBeCloseTo(costOf(override.strategy)!, 6);
    const lines = (await readAll((await exportDecisionLog({ actor, now: new Date() }, { filter, format: "jsonl" })).stream))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.version === 2)?.monthly_cost_usd).toBe(costOf(override.strategy));

    // Sorting by cost sorts by the cost on record, and the keyset pages agree with one page.
    const sorted = await listDecisionLog(actor, { filter, sort: "monthlyCostUsd", dir: "asc", limit: 10 });
    const costs = sorted.rows.map((r) => r.monthlyCostUsd ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const first = await listDecisionLog(actor, { filter, sort: "monthlyCostUsd", dir: "asc", limit: 1 });
    const second = await listDecisionLog(actor, { filter, sort: "monthlyCostUsd", dir: "asc", limit: 1, cursor: first.nextCursor });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(sorted.rows.map((r) => r.id));
  });

  it("compare says when a flip threshold moved while the recommendation stayed", async () => {
    const team = await makeTeam("Flip");
    const author = await makeUser({ teamSlugs: [team.slug] });
    const { id } = await callerFor(author).useCase.create({ teamId: team.id, title: `Flip ${tag}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    const submit = async (latencyBudgetMs: number) => {
      const { revision } = await db.useCase.findUniqueOrThrow({ where: { id }, select: { revision: true } });
      await callerFor(author).useCase.submit({ id, expectedRevision: revision, idempotencyKey: randomUUID(), answers: { ...fraud, latencyBudgetMs } as Answers });
    };
    await submit(200);
    await callerFor(raj).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "Is 200 ms right?" });
    await submit(300);
    const comparison = await callerFor(raj).review.compare({ useCaseId: id, from: 1, to: 2 });
    expect(comparison.from.assessment.recommended).toBe(comparison.to.assessment.recommended);
    const flip = comparison.assessmentChanges.find((c) => c.path === "flips.processingTimeMs~increase");
    expect(flip).toMatchObject({ kind: "CHANGE" });
    expect(flip!.after as number).toBeGreaterThan(flip!.before as number);
    // The latency budget's own flip (lowering it below ~15 ms) is where it was: not reported as moved.
    expect(comparison.assessmentChanges.find((c) => c.path === "flips.latencyBudgetMs~decrease")).toBeUndefined();
    const summary = assessmentChangeSummary(comparison.assessmentChanges);
    expect(summary).toMatch(/^the recommendation is the same(,| and) the processing time per prediction \(p50\) flip threshold moved from \d+(\.\d+)? ms to \d+(\.\d+)? ms/);
  });

  it("the audit viewer names the use case of each event", async () => {
    const { events } = await callerFor(admin).audit.list({ filter: { entityType: "DecisionVersion" }, limit: 50 });
    const ours = events.filter((e) => (e.payload as { useCaseId?: string }).useCaseId === useCaseId);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    expect(ours.every((e) => e.useCaseTitle === title)).toBe(true);
  });
});
