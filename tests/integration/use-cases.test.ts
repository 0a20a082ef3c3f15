import { randomUUID } from "node:crypto";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { assess, ENGINE_VERSION, EXAMPLE_ANSWERS, type Answers } from "~/engine";
import { appRouter } from "~/server/api/root";
import { db } from "~/server/db";
import { callerFor, makeTeam, makeUser } from "./helpers";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
const sales = EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers;

const details = {
  title: "Card fraud score at checkout",
  description: "Scores each card payment before approval.",
  owner: "Payments Risk ML",
  modelRepoUrl: "https://git.example.com/risk/fraud-model",
  dashboardUrl: "",
  tags: ["fraud", "checkout"],
};

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The field errors the app's error formatter sends to the browser for this error. */
function fieldErrorsOf(error: TRPCError): Record<string, string[]> {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: "useCase",
    input: undefined,
    ctx: undefined,
  }) as { data: { fieldErrors: Record<string, string[]> | null } };
  return shape.data.fieldErrors ?? {};
}

let team: Awaited<ReturnType<typeof makeTeam>>;
let otherTeam: Awaited<ReturnType<typeof makeTeam>>;
let member: Awaited<ReturnType<typeof makeUser>>;
let teammate: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let reviewer: Awaited<ReturnType<typeof makeUser>>;

beforeEach(async () => {
  team = await makeTeam("Risk");
  otherTeam = await makeTeam("Growth");
  member = await makeUser({ teamSlugs: [team.slug] });
  teammate = await makeUser({ teamSlugs: [team.slug] });
  outsider = await makeUser({ teamSlugs: [otherTeam.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
});

async function newUseCase() {
  const { id } = await callerFor(member).useCase.create({ teamId: team.id, ...details });
  return id;
}

async function auditFor(entityId: string) {
  return db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" } });
}

describe("creating a use case", () => {
  it("stores the details for the team and audits the creation", async () => {
    const id = await newUseCase();
    const useCase = await callerFor(member).useCase.get({ id });
    expect(useCase).toMatchObject({ ...details, status: "DRAFT", revision: 1, canEdit: true, team: { id: team.id } });
    expect(useCase.versions).toEqual([]);
    const events = await auditFor(id);
    expect(events.map((e) => e.action)).toEqual(["USE_CASE_CREATED"]);
    expect(events[0]).toMatchObject({ actorId: member.id, actorEmail: member.email, entityType: "UseCase" });
    expect(events[0]!.payload).toMatchObject({ teamId: team.id, after: { title: details.title, tags: ["fraud", "checkout"] } });
  });

  it("refuses a team the member is not in, with the error on teamId, storing nothing", async () => {
    const before = await db.useCase.count();
    const error = await trpcError(callerFor(member).useCase.create({ ...details, teamId: otherTeam.id }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)).toEqual({ teamId: ["Choose one of your teams."] });
    expect(await db.useCase.count()).toBe(before);
  });

  it("rejects oversized text, bad links and bad tags field by field, storing nothing", async () => {
    const before = await db.useCase.count();
    const error = await trpcError(
      callerFor(member).useCase.create({
        ...details,
        teamId: team.id,
        title: "x".repeat(500),
        description: "y".repeat(5000),
        modelRepoUrl: "javascript:alert(1)",
        tags: ["Not A Tag!"],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(error)).sort()).toEqual(["description", "modelRepoUrl", "tags.0", "title"]);
    expect(await db.useCase.count()).toBe(before);
  });
});

describe("drafts", () => {
  it("saves answers, bumping the revision, and gives them back on reload", async () => {
    const id = await newUseCase();
    const partial = { consumer: "user-request" as const, latencyBudgetMs: 150 };
    const saved = await callerFor(member).useCase.saveDraft({ id, expectedRevision: 1, answers: partial });
    expect(saved.revision).toBe(2);
    const reloaded = await callerFor(teammate).useCase.get({ id });
    expect(reloaded.draftAnswers).toEqual(partial);
    expect(reloaded.revision).toBe(2);
  });

  it("answers CONFLICT to a save based on a stale revision and keeps the teammate's answers", async () => {
    const id = await newUseCase();
    await callerFor(teammate).useCase.saveDraft({ id, expectedRevision: 1, answers: { consumer: "report" } });
    const error = await trpcError(callerFor(member).useCase.saveDraft({ id, expectedRevision: 1, answers: { consumer: "user-request" } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Reload/);
    expect((await callerFor(member).useCase.get({ id })).draftAnswers).toEqual({ consumer: "report" });
  });

  it("rejects out-of-range, wrong-typed and unknown answers with the field path, changing nothing", async () => {
    const id = await newUseCase();
    const error = await trpcError(
      callerFor(member).useCase.saveDraft({
        id,
        expectedRevision: 1,
        answers: { latencyBudgetMs: -5, needsGpu: "yes", favouriteColour: "blue" } as never,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const fields = fieldErrorsOf(error);
    expect(fields["answers.latencyBudgetMs"]?.length).toBeGreaterThan(0);
    expect(fields["answers.needsGpu"]?.length).toBeGreaterThan(0);
    expect(JSON.stringify(fields)).toContain("favouriteColour");
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).revision).toBe(1);
  });
});

describe("team isolation", () => {
  it("hides a team's draft from other teams and from reviewers with NOT_FOUND", async () => {
    const id = await newUseCase();
    for (const user of [outsider, reviewer]) {
      expect((await trpcError(callerFor(user).useCase.get({ id }))).code).toBe("NOT_FOUND");
    }
    expect((await trpcError(callerFor(outsider).useCase.saveDraft({ id, expectedRevision: 1, answers: {} }))).code).toBe("NOT_FOUND");
    expect((await trpcError(callerFor(outsider).useCase.updateDetails({ id, expectedRevision: 1, ...details }))).code).toBe("NOT_FOUND");
    expect(
      (await trpcError(callerFor(outsider).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud }))).code,
    ).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for an unknown id, like a foreign one", async () => {
    expect((await trpcError(callerFor(member).useCase.get({ id: "c-no-such-use-case" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(callerFor(member).decision.get({ useCaseId: "nope", number: 1 }))).code).toBe("NOT_FOUND");
  });

  it("lets reviewers read submitted work of any team, without the team's draft", async () => {
    const id = await newUseCase();
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud });
    const seen = await callerFor(reviewer).useCase.get({ id });
    expect(seen.versions).toHaveLength(1);
    expect(seen.draftAnswers).toBeNull();
    expect(seen.canEdit).toBe(false);
    expect((await callerFor(reviewer).decision.get({ useCaseId: id, number: 1 })).recommended).toBe("realtime");
    expect((await trpcError(callerFor(outsider).decision.get({ useCaseId: id, number: 1 }))).code).toBe("NOT_FOUND");
  });

  it("lists only the member's teams' use cases, searchable by title and tag", async () => {
    const mine = await newUseCase();
    const { id: theirs } = await callerFor(outsider).useCase.create({ ...details, teamId: otherTeam.id, tags: ["fraud"] });
    const all = await callerFor(member).useCase.listMine({});
    expect(all.map((u) => u.id)).toContain(mine);
    expect(all.map((u) => u.id)).not.toContain(theirs);
    expect((await callerFor(member).useCase.listMine({ query: "CARD FRAUD" })).map((u) => u.id)).toEqual([mine]);
    expect((await callerFor(member).useCase.listMine({ query: "checkout" })).map((u) => u.id)).toEqual([mine]);
    expect(await callerFor(member).useCase.listMine({ query: "no-such-thing" })).toEqual([]);
  });
});

describe("submitting for review", () => {
  it("stores answers, the server's assessment, ENGINE_VERSION and the audit event as version 1", async () => {
    const id = await newUseCase();
    const result = await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud });
    expect(result).toEqual({ versionNumber: 1 });

    const version = await db.decisionVersion.findUniqueOrThrow({ where: { useCaseId_number: { useCaseId: id, number: 1 } } });
    expect(version).toMatchObject({ status: "SUBMITTED", engineVersion: ENGINE_VERSION, recommended: "realtime", submittedById: member.id });
    expect(version.answers).toEqual(fraud);
    expect(version.assessment).toEqual(JSON.parse(JSON.stringify(assess(fraud))));

    const useCase = await callerFor(member).useCase.get({ id });
    expect(useCase).toMatchObject({ status: "SUBMITTED", canEdit: false });
    expect(useCase.versions.map((v) => [v.number, v.status, v.recommended])).toEqual([[1, "SUBMITTED", "realtime"]]);

    const events = await db.auditEvent.findMany({ where: { entityId: version.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "DECISION_SUBMITTED", actorId: member.id });
    expect(events[0]!.payload).toMatchObject({ useCaseId: id, versionNumber: 1, recommended: "realtime", engineVersion: ENGINE_VERSION });

    const decision = await callerFor(teammate).decision.get({ useCaseId: id, number: 1 });
    expect(decision.assessment.recommended).toBe("realtime");
    expect(decision.submittedBy.email).toBe(member.email);
  });

  it("ignores a score forged by the client and re-scores on the server", async () => {
    const id = await newUseCase();
    const forged = {
      id,
      expectedRevision: 1,
      idempotencyKey: randomUUID(),
      answers: fraud,
      assessment: { recommended: "batch", confidence: { value: 1 } },
      recommended: "batch",
    };
    await callerFor(member).useCase.submit(forged as never);
    const version = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId: id } });
    expect(version.recommended).toBe("realtime");
    expect((version.assessment as { recommended: string }).recommended).toBe("realtime");
  });

  it("creates exactly one version for two concurrent submits with one idempotency key", async () => {
    const id = await newUseCase();
    const key = randomUUID();
    const input = { id, expectedRevision: 1, idempotencyKey: key, answers: fraud };
    const results = await Promise.all([callerFor(member).useCase.submit(input), callerFor(member).useCase.submit(input)]);
    expect(results).toEqual([{ versionNumber: 1 }, { versionNumber: 1 }]);
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "DECISION_SUBMITTED", payload: { path: ["useCaseId"], equals: id } } })).toBe(1);
    // A later retry of the same request still answers with the same version.
    expect(await callerFor(member).useCase.submit(input)).toEqual({ versionNumber: 1 });
  });

  it("answers CONFLICT when a teammate changed the draft since the page loaded, storing nothing", async () => {
    const id = await newUseCase();
    await callerFor(teammate).useCase.saveDraft({ id, expectedRevision: 1, answers: { consumer: "report" } });
    const error = await trpcError(callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud }));
    expect(error.code).toBe("CONFLICT");
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(0);
    // The teammate's edit is on the record; the refused submission added nothing.
    expect((await auditFor(id)).map((e) => e.action)).toEqual(["USE_CASE_CREATED", "DRAFT_EDITED"]);
  });

  it("refuses a second submission while one is under review", async () => {
    const id = await newUseCase();
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: fraud });
    const revision = (await callerFor(member).useCase.get({ id })).revision;
    const error = await trpcError(callerFor(member).useCase.submit({ id, expectedRevision: revision, idempotencyKey: randomUUID(), answers: sales }));
    expect(error.code).toBe("CONFLICT");
    expect((await trpcError(callerFor(member).useCase.saveDraft({ id, expectedRevision: revision, answers: {} }))).code).toBe("CONFLICT");
  });

  it("rejects invalid or incomplete answers with field paths, storing nothing", async () => {
    const id = await newUseCase();
    const bad = { ...fraud, latencyBudgetMs: 0, peakRequestsPerSecond: 1, avgRequestsPerSecond: 50, consumer: undefined } as unknown as Answers;
    const error = await trpcError(callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: bad }));
    expect(error.code).toBe("BAD_REQUEST");
    const fields = fieldErrorsOf(error);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["answers.latencyBudgetMs", "answers.consumer"]));
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(0);
  });
});
