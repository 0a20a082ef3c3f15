import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { assess, EXAMPLE_ANSWERS, type Answers } from "~/engine";
import { exportDecisionLog } from "~/features/decision-log/service";
import { findUserByEmail } from "~/server/auth/identity";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";

async function readAll(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
const fraudAssessment = assess(fraud);
const feasibleAlternative = fraudAssessment.ranking.find((r) => r.feasible && r.strategy !== fraudAssessment.recommended)!.strategy;
const hardBlocked = fraudAssessment.ranking.find(
  (r) => !r.feasible && fraudAssessment.constraints.some((c) => c.level === "hard" && c.strategies.includes(r.strategy)),
)!.strategy;


type User = Awaited<ReturnType<typeof makeUser>>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let member: User;
let reviewer: User;
let admin: User;

beforeEach(async () => {
  team = await makeTeam("Review");
  member = await makeUser({ teamSlugs: [team.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
  admin = await makeUser({ role: "ADMIN" });
});

async function submitted(by: User = member, answers: Answers = fraud) {
  const { id } = await callerFor(by).useCase.create({ teamId: team.id, title: `Review me ${randomUUID().slice(0, 6)}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
  await callerFor(by).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
  return id;
}

async function resubmit(useCaseId: string, answers: Answers = fraud) {
  const { revision } = await callerFor(member).useCase.get({ id: useCaseId });
  return callerFor(member).useCase.submit({ id: useCaseId, expectedRevision: revision, idempotencyKey: randomUUID(), answers });
}

async function events(useCaseId: string) {
  return db.auditEvent.findMany({ where: { payload: { path: ["useCaseId"], equals: useCaseId } }, orderBy: { seq: "asc" } });
}

describe("review transitions", () => {
  for (const [who, action, expected] of [
    ["reviewer", "APPROVE", "APPROVED"],
    ["reviewer", "REJECT", "REJECTED"],
    ["reviewer", "REQUEST_CHANGES", "CHANGES_REQUESTED"],
    ["admin", "APPROVE", "APPROVED"],
    ["admin", "REJECT", "REJECTED"],
    ["admin", "REQUEST_CHANGES", "CHANGES_REQUESTED"],
  ] as const) {
    it(`${who} ${action} -> ${expected}, audited, the submitter notified`, async () => {
      const id = await submitted();
      const actor = who === "reviewer" ? reviewer : admin;
      const result = await callerFor(actor).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action, comment: "Looks considered." });
      expect(result).toMatchObject({ status: expected, version: 2 });
      const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 1 } });
      expect(version).toMatchObject({ status: expected, reviewedById: actor.id, reviewComment: "Looks considered.", version: 2 });
      expect((await callerFor(member).useCase.get({ id })).status).toBe(expected);
      const audit = (await events(id)).at(-1)!;
      expect(audit.action).toBe({ APPROVED: "DECISION_APPROVED", REJECTED: "DECISION_REJECTED", CHANGES_REQUESTED: "DECISION_CHANGES_REQUESTED" }[expected]);
      expect(audit).toMatchObject({ actorId: actor.id, entityId: version.id });
      expect(audit.payload).toMatchObject({ statusBefore: "SUBMITTED", statusAfter: expected, comment: "Looks considered." });
      const inbox = await callerFor(member).notification.list();
      expect(inbox[0]).toMatchObject({ link: `/use-cases/${id}/versions/1`, readAt: null });
      expect(await callerFor(member).notification.unreadCount()).toBeGreaterThan(0);
    });
  }

  it("refuses members with FORBIDDEN and changes nothing", async () => {
    const id = await submitted();
    const other = await makeUser({ teamSlugs: [team.slug] });
    expect(await codeOf(callerFor(other).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("FORBIDDEN");
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).status).toBe("SUBMITTED");
  });

  it("requires a comment to reject or request changes", async () => {
    const id = await submitted();
    for (const action of ["REJECT", "REQUEST_CHANGES"] as const) {
      expect(await codeOf(callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action }))).toBe("BAD_REQUEST");
    }
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).status).toBe("SUBMITTED");
  });

  it("lets only the submitter withdraw, then the team can edit and resubmit", async () => {
    const id = await submitted();
    expect(await codeOf(callerFor(reviewer).review.withdraw({ useCaseId: id, number: 1, expectedVersion: 1 }))).toBe("FORBIDDEN");
    expect(await callerFor(member).review.withdraw({ useCaseId: id, number: 1, expectedVersion: 1 })).toMatchObject({ status: "WITHDRAWN" });
    expect((await events(id)).at(-1)!.action).toBe("DECISION_WITHDRAWN");
    expect(await resubmit(id)).toEqual({ versionNumber: 2 });
  });

  it("moves a team from CHANGES_REQUESTED to version 2 by editing and resubmitting", async () => {
    const id = await submitted();
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "What is the peak load?" });
    const useCase = await callerFor(member).useCase.get({ id });
    expect(useCase.canEdit).toBe(true);
    const changed = { ...fraud, peakRequestsPerSecond: (fraud.peakRequestsPerSecond ?? 10) * 2 };
    expect(await resubmit(id, changed)).toEqual({ versionNumber: 2 });
    const comparison = await callerFor(reviewer).review.compare({ useCaseId: id, from: 1, to: 2 });
    expect(comparison.answerChanges).toEqual([
      { path: "peakRequestsPerSecond", kind: "CHANGE", before: fraud.peakRequestsPerSecond, after: changed.peakRequestsPerSecond },
    ]);
  });
});

describe("four eyes", () => {
  it("refuses an admin who submitted the version, in the API, whatever the UI shows", async () => {
    const adminMember = await makeUser({ role: "ADMIN", teamSlugs: [team.slug] });
    const id = await submitted(adminMember);
    for (const action of ["APPROVE", "REJECT", "REQUEST_CHANGES"] as const) {
      expect(await codeOf(callerFor(adminMember).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action, comment: "mine" }))).toBe("FORBIDDEN");
    }
    const state = await callerFor(adminMember).review.state({ useCaseId: id, number: 1 });
    expect(state).toMatchObject({ canReview: false, isAuthor: true, status: "SUBMITTED" });
    expect(await callerFor(reviewer).review.state({ useCaseId: id, number: 1 })).toMatchObject({ canReview: true });
  });

  it("refuses the use case's author even when someone else submitted the version", async () => {
    const reviewerMember = await makeUser({ role: "REVIEWER", teamSlugs: [team.slug] });
    const { id } = await callerFor(reviewerMember).useCase.create({ teamId: team.id, title: "Authored by a reviewer", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud });
    expect(await codeOf(callerFor(reviewerMember).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("FORBIDDEN");
  });
});

describe("concurrency", () => {
  it("lets exactly one of 20 concurrent approvals win; the 19 others get CONFLICT", async () => {
    const id = await submitted();
    const reviewers = await Promise.all(Array.from({ length: 20 }, () => makeUser({ role: "REVIEWER" })));
    const outcomes = await Promise.all(
      reviewers.map((r) => codeOf(callerFor(r).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(19);
    expect((await events(id)).filter((e) => e.action === "DECISION_APPROVED")).toHaveLength(1);
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).version).toBe(2);
  });

  it("answers CONFLICT to a reviewer acting on a stale version", async () => {
    const id = await submitted();
    await callerFor(member).review.withdraw({ useCaseId: id, number: 1, expectedVersion: 1 });
    expect(await codeOf(callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("CONFLICT");
  });
});

describe("supersession", () => {
  it("supersedes the previously approved version when a newer one is approved, linked both ways", async () => {
    const id = await submitted();
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" });
    await resubmit(id);
    await callerFor(admin).review.decide({ useCaseId: id, number: 2, expectedVersion: 1, action: "APPROVE" });
    const [v1, v2] = await db.decisionVersion.findMany({ where: { useCaseId: id }, orderBy: { number: "asc" } });
    expect(v1).toMatchObject({ status: "SUPERSEDED", supersededByNumber: 2 });
    expect(v2).toMatchObject({ status: "APPROVED", supersedesNumber: 1 });
    const superseded = (await events(id)).find((e) => e.action === "DECISION_SUPERSEDED")!;
    expect(superseded).toMatchObject({ actorId: null, entityId: v1!.id });
    expect((await callerFor(member).decision.get({ useCaseId: id, number: 1 })).status).toBe("SUPERSEDED");
  });
});

describe("overrides", () => {
  it("needs a justification to approve another strategy than recommended", async () => {
    const id = await submitted();
    expect(
      await codeOf(callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", approvedStrategy: feasibleAlternative })),
    ).toBe("BAD_REQUEST");
    await callerFor(reviewer).review.decide({
      useCaseId: id,
      number: 1,
      expectedVersion: 1,
      action: "APPROVE",
      approvedStrategy: feasibleAlternative,
      comment: "Our platform already runs this for the team.",
    });
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } });
    expect(version).toMatchObject({
      recommended: fraudAssessment.recommended,
      approvedStrategy: feasibleAlternative,
      isOverride: true,
      overrideJustification: "Our platform already runs this for the team.",
    });
    const audit = (await events(id)).at(-1)!;
    expect(audit.payload).toMatchObject({ approvedStrategy: feasibleAlternative, override: { justification: "Our platform already runs this for the team." } });
  });

  it("cannot override a hard constraint", async () => {
    const id = await submitted();
    expect(
      await codeOf(
        callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", approvedStrategy: hardBlocked, comment: "Please" }),
      ),
    ).toBe("BAD_REQUEST");
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).status).toBe("SUBMITTED");
  });
});

describe("nothing feasible (engine 2.0.0)", () => {
  // A 1 GB payload for a person waiting 200 ms on request-time inputs: no strategy fits.
  const impossible: Answers = {
    ...fraud,
    consumer: "user-request",
    payloadMB: 1_000,
    latencyBudgetMs: 200,
    processingTimeMs: 30,
    featureFreshness: "request",
    inputsEnumerable: false,
    offlineOrOnDevice: false,
    modelSizeGB: 3, // too large to demonstrably fit a device: edge is no fallback
  };

  it("stores the version with no recommendation, and a reviewer can only reject or request changes", async () => {
    expect(assess(impossible).recommended).toBeNull();
    const id = await submitted(member, impossible);
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } });
    expect(version.recommended).toBeNull();
    expect(version.monthlyCostUsd).toBeNull();
    const submittedEvent = (await events(id)).find((e) => e.action === "DECISION_SUBMITTED")!;
    expect(submittedEvent.payload).toMatchObject({ recommended: null });

    // Approval is refused on the server, with or without a strategy named, with a field-level message.
    for (const approvedStrategy of [undefined, "realtime", "async"] as const) {
      const refused = callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", comment: "Ship it", ...(approvedStrategy ? { approvedStrategy } : {}) });
      expect(await codeOf(refused)).toBe("BAD_REQUEST");
      await expect(refused).rejects.toThrow(/no feasible strategy/);
    }
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).status).toBe("SUBMITTED");
    expect((await events(id)).filter((e) => e.action === "DECISION_APPROVED")).toHaveLength(0);

    const state = await callerFor(reviewer).review.state({ useCaseId: id, number: 1 });
    expect(state.recommended).toBeNull();
    // The form's choices say so too: every strategy blocked, with the reason.
    expect(state.approvalChoices.length).toBeGreaterThan(0);
    expect(state.approvalChoices.every((c) => c.blockedReason !== null && c.approval.blocked !== null)).toBe(true);
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "Stage the payload in object storage." });
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } })).status).toBe("CHANGES_REQUESTED");

    // Rejecting is the other way out.
    await resubmit(id, impossible);
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 2, expectedVersion: 1, action: "REJECT", comment: "Not servable as asked." });
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 2 } })).status).toBe("REJECTED");
  });

  it("exports a decision with no recommendation as 'none feasible' with no cost, in CSV and JSON lines", async () => {
    const id = await submitted(member, impossible);
    const { title } = await db.useCase.findUniqueOrThrow({ where: { id }, select: { title: true } });
    const actor = (await findUserByEmail(reviewer.email))!;
    const filter = { q: title };
    const csv = await readAll((await exportDecisionLog({ actor, now: new Date() }, { filter, format: "csv" })).stream);
    const records = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ recommended_strategy: "none feasible", approved_strategy: "", monthly_cost_usd: "" });
    const lines = (await readAll((await exportDecisionLog({ actor, now: new Date() }, { filter, format: "jsonl" })).stream)).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ recommended_strategy: "none feasible", approved_strategy: null, monthly_cost_usd: null });
  });
});

describe("queue, comments and notifications", () => {
  it("lists submitted decisions oldest first, filterable, and notifies reviewers of submissions", async () => {
    const first = await submitted();
    const second = await submitted();
    const queue = await callerFor(reviewer).review.queue({ teamId: team.id });
    expect(queue.map((q) => q.useCase.id)).toEqual([first, second]);
    expect(await callerFor(reviewer).review.queue({ teamId: team.id, strategy: "batch" })).toEqual([]);
    expect(await codeOf(callerFor(member).review.queue({}))).toBe("FORBIDDEN");
    const inbox = await callerFor(reviewer).notification.list();
    expect(inbox.some((n) => n.link === `/use-cases/${second}/versions/1` && n.kind === "DECISION_SUBMITTED")).toBe(true);
    await callerFor(reviewer).notification.markRead({ ids: "all" });
    expect(await callerFor(reviewer).notification.unreadCount()).toBe(0);
  });

  it("keeps a comment thread visible to the team and reviewers, audited", async () => {
    const id = await submitted();
    await callerFor(reviewer).review.comment({ useCaseId: id, number: 1, body: "Is 150 ms the p99?" });
    await callerFor(member).review.comment({ useCaseId: id, number: 1, body: "Yes, measured at the gateway." });
    const state = await callerFor(member).review.state({ useCaseId: id, number: 1 });
    expect(state.comments.map((c) => c.body)).toEqual(["Is 150 ms the p99?", "Yes, measured at the gateway."]);
    expect((await events(id)).filter((e) => e.action === "COMMENT_ADDED")).toHaveLength(2);
    const outsider = await makeUser({ teamSlugs: [(await makeTeam("Other")).slug] });
    expect(await codeOf(callerFor(outsider).review.comment({ useCaseId: id, number: 1, body: "hi" }))).toBe("NOT_FOUND");
  });
});

describe("re-evaluation against the current engine", () => {
  it("shows what today's engine recommends for a decision made by an older engine, and lets a reviewer open a new version", async () => {
    const id = await submitted();
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" });
    // Pretend version 1 was scored by an older engine that recommended batch.
    const v1 = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 1 } });
    const old = { ...(v1.assessment as Record<string, unknown>), engineVersion: "0.9.0", recommended: "batch" };
    await db.decisionVersion.update({ where: { id: v1.id }, data: { engineVersion: "0.9.0", recommended: "batch", assessment: old } });

    const state = await callerFor(member).review.state({ useCaseId: id, number: 1 });
    expect(state.reevaluation).toMatchObject({ recommended: fraudAssessment.recommended, changed: true });
    expect(state.reevaluation!.differences).toContainEqual(
      expect.objectContaining({ path: "recommended", before: "batch", after: fraudAssessment.recommended }),
    );

    const key = randomUUID();
    expect(await codeOf(callerFor(member).review.reopenWithCurrentEngine({ useCaseId: id, number: 1, idempotencyKey: key }))).toBe("FORBIDDEN");
    expect(await callerFor(reviewer).review.reopenWithCurrentEngine({ useCaseId: id, number: 1, idempotencyKey: key })).toEqual({ versionNumber: 2 });
    expect(await callerFor(reviewer).review.reopenWithCurrentEngine({ useCaseId: id, number: 1, idempotencyKey: key })).toEqual({ versionNumber: 2 });
    const v2 = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 2 } });
    expect(v2).toMatchObject({ status: "SUBMITTED", recommended: fraudAssessment.recommended, submittedById: reviewer.id });
    expect(v2.answers).toEqual(fraud);
    // The reviewer who opened it is now its submitter: four eyes applies.
    expect(await codeOf(callerFor(reviewer).review.decide({ useCaseId: id, number: 2, expectedVersion: 1, action: "APPROVE" }))).toBe("FORBIDDEN");
    expect((await callerFor(admin).review.decide({ useCaseId: id, number: 2, expectedVersion: 1, action: "APPROVE" })).supersedes).toBe(1);
  });
});
