/**
 * The busy hour, at the level users reach: `n` drafts submitted at once over HTTP by members
 * signed in through next-auth, against the production build on `databaseUrl`. Returns what
 * the tests assert on. Must run in a process whose DATABASE_URL is `databaseUrl` (the test
 * file sets it before the first database use).
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { HttpSession, TrpcHttpError } from "./http";
import { startApp, type RunningApp } from "./app";

const PASSWORD = "busy-hour-password";

export async function seedDrafts(n: number, members = Math.min(n, 25)) {
  const { upsertTeam, upsertUser } = await import("~/features/account/service");
  const { createCaller } = await import("~/server/api/root");
  const { createInnerContext } = await import("~/server/api/trpc");
  const suffix = randomUUID().slice(0, 8);
  const team = await upsertTeam({ name: `Busy ${suffix}`, slug: `busy-${suffix}`, description: "" });
  const users = [];
  for (let i = 0; i < members; i++) {
    users.push(
      await upsertUser(
        { email: `busy-${suffix}-${i}@example.test`, name: `Busy ${i}`, role: "MEMBER", active: true, password: PASSWORD, teamSlugs: [team.slug] },
        { bcryptRounds: 4 },
      ),
    );
  }
  await upsertUser({ email: `busy-${suffix}-reviewer@example.test`, name: "Busy Reviewer", role: "REVIEWER", active: true, password: PASSWORD, teamSlugs: [] }, { bcryptRounds: 4 });
  const drafts: { id: string; owner: number }[] = [];
  for (let i = 0; i < n; i++) {
    const owner = i % members;
    const caller = createCaller(createInnerContext({ sessionUserId: users[owner]!.id }));
    const { id } = await caller.useCase.create({ teamId: team.id, title: `Busy hour ${i}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["busy-hour"] });
    drafts.push({ id, owner });
  }
  return { team, users, drafts, password: PASSWORD };
}

export async function signInAll(app: RunningApp, users: { email: string }[]) {
  return Promise.all(users.map((u) => new HttpSession(app.url).signIn(u.email, PASSWORD)));
}

export interface SubmitOutcome {
  id: string;
  key: string;
  ok: boolean;
  versionNumber?: number;
  status?: number;
  retryAfter?: string | null;
  error?: string;
}

/** Submits every draft at the same moment; never throws, reports each outcome. */
export async function submitAll(sessions: HttpSession[], drafts: { id: string; owner: number }[], keys?: string[]): Promise<SubmitOutcome[]> {
  const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
  return Promise.all(
    drafts.map(async ({ id, owner }, i) => {
      const key = keys?.[i] ?? randomUUID();
      try {
        const { versionNumber } = await sessions[owner]!.mutation<{ versionNumber: number }>("useCase.submit", { id, expectedRevision: 1, idempotencyKey: key, answers });
        return { id, key, ok: true, versionNumber };
      } catch (error) {
        return {
          id,
          key,
          ok: false,
          status: error instanceof TrpcHttpError ? error.status : undefined,
          retryAfter: error instanceof TrpcHttpError ? error.retryAfter : undefined,
          error: String(error),
        };
      }
    }),
  );
}

/** What the database holds for these use cases: versions, duplicates, submission events. */
export async function inspect(useCaseIds: string[]) {
  const { db } = await import("~/server/db");
  const versions = await db.decisionVersion.findMany({ where: { useCaseId: { in: useCaseIds } }, select: { id: true, useCaseId: true, number: true } });
  const perUseCase = new Map<string, number>();
  for (const v of versions) perUseCase.set(v.useCaseId, (perUseCase.get(v.useCaseId) ?? 0) + 1);
  const events = await db.auditEvent.groupBy({
    by: ["entityId"],
    where: { action: "DECISION_SUBMITTED", entityId: { in: versions.map((v) => v.id) } },
    _count: { _all: true },
  });
  const eventsPerVersion = new Map(events.map((e) => [e.entityId, e._count._all]));
  return {
    versions: versions.length,
    useCasesWithMoreThanOneVersion: [...perUseCase.values()].filter((c) => c > 1).length,
    versionsWithoutExactlyOneEvent: versions.filter((v) => eventsPerVersion.get(v.id) !== 1).length,
  };
}

/**
 * The whole scenario: `n` drafts seeded, the app started on `databaseUrl`, their members signed
 * in over HTTP, and every draft submitted at the same moment. Asserts that every submission
 * succeeded once, with one version and one DECISION_SUBMITTED event each, and that the audit
 * chain verifies. Returns what a test may check further (the caller stops the app).
 */
export async function busyHour(databaseUrl: string, n: number, label: string) {
  const { users, drafts } = await seedDrafts(n);
  const app = await startApp({ databaseUrl });
  try {
    const sessions = await signInAll(app, users);
    const started = performance.now();
    const outcomes = await submitAll(sessions, drafts);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${n} concurrent submissions over HTTP on ${label}: ${seconds.toFixed(2)} s (${(n / seconds).toFixed(0)} /s)`);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.error)).toEqual([]);
    expect(outcomes.every((o) => o.versionNumber === 1)).toBe(true);
    expect(await inspect(drafts.map((d) => d.id))).toEqual({ versions: n, useCasesWithMoreThanOneVersion: 0, versionsWithoutExactlyOneEvent: 0 });
    const { verifyAuditChain } = await import("~/features/audit/queries");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    return { app, sessions, drafts, outcomes };
  } catch (error) {
    await app.stop();
    throw error;
  }
}
