/**
 * Draft edits are on the record, coalesced (issue 11), and everyone who changed the answers of
 * a version counts as its author for the four-eyes rule: a reviewer on the team who edited a
 * teammate's draft cannot then approve, reject or request changes on that submission, even as
 * an admin, and the refusal is enforced by the same guarded UPDATE as the rest of four eyes.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS, type Answers } from "~/engine";
import { verifyAuditChain } from "~/features/audit/queries";
import { recordReview } from "~/features/decisions/service";
import { saveDraft } from "~/features/use-cases/service";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;

type User = Awaited<ReturnType<typeof makeUser>>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let member: User;
/** A reviewer who is also on the team: may edit its drafts. */
let teamReviewer: User;
/** An admin who is also on the team. */
let teamAdmin: User;
/** A reviewer outside the team. */
let reviewer: User;

beforeEach(async () => {
  team = await makeTeam("Drafts");
  member = await makeUser({ teamSlugs: [team.slug] });
  teamReviewer = await makeUser({ role: "REVIEWER", teamSlugs: [team.slug] });
  teamAdmin = await makeUser({ role: "ADMIN", teamSlugs: [team.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
});

async function newUseCase(by: User = member) {
  const { id } = await callerFor(by).useCase.create({ teamId: team.id, title: `Draft ${randomUUID().slice(0, 6)}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
  return id;
}

async function save(by: User, id: string, answers: Partial<Answers>) {
  const { revision } = await callerFor(by).useCase.get({ id });
  return callerFor(by).useCase.saveDraft({ id, expectedRevision: revision, answers });
}

async function submit(by: User, id: string, answers: Answers = fraud) {
  const { revision } = await callerFor(by).useCase.get({ id });
  return callerFor(by).useCase.submit({ id, expectedRevision: revision, idempotencyKey: randomUUID(), answers });
}

function draftEvents(useCaseId: string) {
  return db.auditEvent.findMany({ where: { entityType: "UseCase", entityId: useCaseId, action: "DRAFT_EDITED" }, orderBy: { seq: "asc" } });
}

describe("draft edits on the record", () => {
  it("coalesces an editor's autosaves into one event, gives a second editor their own, and keeps the chain intact", async () => {
    const id = await newUseCase();
    for (let i = 1; i <= 6; i++) await save(member, id, { consumer: fraud.consumer, latencyBudgetMs: 100 + i });
    let events = await draftEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: member.id, actorEmail: member.email });
    expect(events[0]!.payload).toMatchObject({ fields: ["consumer", "latencyBudgetMs"], revision: 2 });

    // A save that changes nothing adds nothing and makes nobody a contributor.
    await save(teamReviewer, id, { consumer: fraud.consumer, latencyBudgetMs: 106 });
    expect(await draftEvents(id)).toHaveLength(1);
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).draftContributorIds).toEqual([member.id]);

    // A teammate's edit is their own event, coalesced the same way.
    await save(teamReviewer, id, { consumer: fraud.consumer, latencyBudgetMs: 106, monthlyBudgetUsd: 5000 });
    await save(teamReviewer, id, { consumer: fraud.consumer, latencyBudgetMs: 106, monthlyBudgetUsd: 6000 });
    events = await draftEvents(id);
    expect(events.map((e) => e.actorId)).toEqual([member.id, teamReviewer.id]);
    expect(events[1]!.payload).toMatchObject({ fields: ["monthlyBudgetUsd"] });
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).draftContributorIds).toEqual([member.id, teamReviewer.id]);

    // The timeline tells it in words.
    const timeline = await callerFor(member).audit.timeline({ id });
    expect(timeline.filter((e) => e.action === "DRAFT_EDITED")).toHaveLength(2);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("opens a new window after DRAFT_EDIT_WINDOW_MINUTES, and after a submission", async () => {
    const id = await newUseCase();
    const actor = { id: member.id, name: member.name, email: member.email, role: member.role, active: true };
    // Saves at chosen moments, all in the past (so the real-time saves below start afresh).
    const t0 = new Date(Date.now() - 30 * 60_000);
    let revision = (await callerFor(member).useCase.get({ id })).revision;
    const at = async (minutes: number, latencyBudgetMs: number) => {
      ({ revision } = await saveDraft({ actor, now: new Date(t0.getTime() + minutes * 60_000), requestId: `window-${minutes}` }, { id, expectedRevision: revision, answers: { latencyBudgetMs } }));
    };
    await at(0, 110);
    await at(4, 120);
    await at(9.9, 130);
    expect(await draftEvents(id)).toHaveLength(1);
    await at(10.5, 140);
    expect((await draftEvents(id)).map((e) => e.requestId)).toEqual(["window-0", "window-10.5"]);

    // A submission closes the window: an edit right after it is on the record again.
    await save(member, id, { ...fraud, latencyBudgetMs: 100 });
    expect(await draftEvents(id)).toHaveLength(3);
    await submit(member, id);
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "Tighter budget, please." });
    await save(member, id, { ...fraud, latencyBudgetMs: 90 });
    const events = await draftEvents(id);
    expect(events).toHaveLength(4);
    expect(events[3]!.payload).toMatchObject({ fields: ["latencyBudgetMs"] });
  });
});

describe("four eyes counts everyone who changed the answers", () => {
  async function editedByTeamReviewer() {
    const id = await newUseCase(member);
    await save(member, id, { consumer: fraud.consumer });
    await save(teamReviewer, id, { consumer: fraud.consumer, latencyBudgetMs: 150 });
    await save(teamAdmin, id, { consumer: fraud.consumer, latencyBudgetMs: 150, criticality: fraud.criticality });
    await submit(member, id);
    return id;
  }

  it("records the draft's editors as the version's contributors, in the version and its submission event", async () => {
    const id = await editedByTeamReviewer();
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 1 } });
    expect([...version.contributorIds].sort()).toEqual([member.id, teamReviewer.id, teamAdmin.id].sort());
    const submitted = await db.auditEvent.findFirstOrThrow({ where: { entityId: version.id, action: "DECISION_SUBMITTED" } });
    expect((submitted.payload as { contributorIds: string[] }).contributorIds.sort()).toEqual([member.id, teamReviewer.id, teamAdmin.id].sort());
    // The next draft starts with no contributors.
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).draftContributorIds).toEqual([]);
  });

  it("refuses a reviewer (and an admin) who edited the draft, with FORBIDDEN and a reason, and changes nothing", async () => {
    const id = await editedByTeamReviewer();
    const before = await db.auditEvent.count({ where: { payload: { path: ["useCaseId"], equals: id } } });
    for (const who of [teamReviewer, teamAdmin]) {
      for (const action of ["APPROVE", "REJECT", "REQUEST_CHANGES"] as const) {
        const attempt = callerFor(who).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action, comment: "Mine, but fine." });
        await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/you changed the answers of this version/) });
      }
      // The review panel offers no action, and says why.
      const state = await callerFor(who).review.state({ useCaseId: id, number: 1 });
      expect(state).toMatchObject({ canReview: false, isContributor: true });
    }
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 1 } });
    expect(version).toMatchObject({ status: "SUBMITTED", version: 1, reviewedById: null });
    expect(await db.auditEvent.count({ where: { payload: { path: ["useCaseId"], equals: id } } })).toBe(before);

    // The guarded UPDATE refuses too, for a caller that skips the workflow check.
    const bypass = await db.$transaction((tx) =>
      recordReview(tx, { actor: { id: teamReviewer.id, name: teamReviewer.name, email: teamReviewer.email, role: "REVIEWER", active: true }, now: new Date(), requestId: "bypass" }, {
        current: { id: version.id },
        to: "APPROVED",
        expectedVersion: 1,
        comment: null,
        approvedStrategy: version.recommended,
        override: null,
      }),
    );
    expect(bypass).toBe(false);
    expect((await db.decisionVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("SUBMITTED");

    // A reviewer who changed nothing still approves it.
    expect(await callerFor(reviewer).review.state({ useCaseId: id, number: 1 })).toMatchObject({ canReview: true, isContributor: false });
    expect(await codeOf(callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("OK");
    expect((await db.decisionVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("APPROVED");
  });

  it("a contributor of one version may review the next one if they did not edit it", async () => {
    const id = await editedByTeamReviewer();
    await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "Say who consumes it." });
    await save(member, id, { ...fraud, latencyBudgetMs: 120 });
    await submit(member, id, { ...fraud, latencyBudgetMs: 120 });
    expect((await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id, number: 2 } })).contributorIds).toEqual([member.id]);
    expect(await codeOf(callerFor(teamReviewer).review.decide({ useCaseId: id, number: 2, expectedVersion: 1, action: "APPROVE" }))).toBe("OK");
  });
});
