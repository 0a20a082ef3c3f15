/**
 * Two app processes, one database: what must be shared lives in PostgreSQL, not in one
 * process's memory. Sessions signed by one are honoured by the other, an idempotency key
 * replays across them, the four-eyes rule and the approval race hold across them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { createFreshDatabase, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { startApp, type RunningApp } from "./support/app";
import { HttpSession, TrpcHttpError } from "./support/http";

const server = await resolveServerUrl();
const PASSWORD = "two-processes-pass";
const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
let database: FreshDatabase;
let apps: [RunningApp, RunningApp];

async function outcome<T>(promise: Promise<T>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TrpcHttpError) return error.code;
    throw error;
  }
}

describe.skipIf(!server)("two app processes on one database", () => {
  let team: { id: string; slug: string };
  const emails = { member: "", teamReviewer: "", reviewers: [] as string[] };

  beforeAll(async () => {
    database = await createFreshDatabase("servewise_two", server);
    await database.migrate();
    process.env.DATABASE_URL = database.url;
    const { upsertTeam, upsertUser } = await import("~/features/account/service");
    team = await upsertTeam({ name: "Two Processes", slug: "two-processes", description: "" });
    const user = async (email: string, role: "MEMBER" | "REVIEWER", teamSlugs: string[]) => {
      await upsertUser({ email, name: email.split("@")[0]!, role, active: true, password: PASSWORD, teamSlugs }, { bcryptRounds: 4 });
      return email;
    };
    emails.member = await user("member@two.test", "MEMBER", [team.slug]);
    emails.teamReviewer = await user("team-reviewer@two.test", "REVIEWER", [team.slug]);
    for (let i = 0; i < 6; i++) emails.reviewers.push(await user(`reviewer-${i}@two.test`, "REVIEWER", []));
    apps = await Promise.all([startApp({ databaseUrl: database.url }), startApp({ databaseUrl: database.url })]);
  });
  afterAll(async () => {
    await Promise.all((apps ?? []).map((a) => a?.stop()));
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await database?.drop();
  });

  /** A session signed in on one process, presented to another with the same cookies. */
  function on(app: RunningApp, session: HttpSession): HttpSession {
    const moved = new HttpSession(app.url);
    moved.remember(new Response(null, { headers: session.cookieHeader().split("; ").map((c) => ["set-cookie", c] as [string, string]) }));
    return moved;
  }

  async function createDraft(session: HttpSession, title: string) {
    const { id } = await session.mutation<{ id: string }>("useCase.create", { teamId: team.id, title, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    return id;
  }

  it("honours a session signed in on one process on the other", async () => {
    const signedIn = await new HttpSession(apps[0].url).signIn(emails.member, PASSWORD);
    const me = await on(apps[1], signedIn).query<{ email: string } | null>("account.whoAmI");
    expect(me?.email).toBe(emails.member);
    expect(await outcome(new HttpSession(apps[1].url).query("useCase.listMine", {}))).toBe("UNAUTHORIZED");
  });

  it("counts wrong passwords in PostgreSQL: guesses spread over both processes lock the account on both", async () => {
    const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`${emails.reviewers[5]}:${password}`).toString("base64")}` });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${apps[i % 2]!.url}/api/export/decision-log?format=jsonl`, { headers: basic(`wrong-${i}`) });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    for (const app of apps) {
      const locked = await fetch(`${app.url}/api/export/decision-log?format=jsonl`, { headers: basic(PASSWORD) });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The race below needs this reviewer again.
    const { db } = await import("~/server/db");
    await db.signInThrottle.deleteMany({ where: { key: { contains: emails.reviewers[5]! } } });
  });

  it("replays one idempotency key sent to both processes at once: one version", async () => {
    const member = await new HttpSession(apps[0].url).signIn(emails.member, PASSWORD);
    const id = await createDraft(member, "Doubled submit");
    const key = randomUUID();
    const input = { id, expectedRevision: 1, idempotencyKey: key, answers };
    const results = await Promise.all([member, on(apps[1], member), member, on(apps[1], member)].map((s) => s.mutation<{ versionNumber: number }>("useCase.submit", input)));
    expect(results.map((r) => r.versionNumber)).toEqual([1, 1, 1, 1]);
    const { db } = await import("~/server/db");
    expect(await db.decisionVersion.count({ where: { useCaseId: id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "DECISION_SUBMITTED", payload: { path: ["useCaseId"], equals: id } } })).toBe(1);
  });

  it("keeps four eyes across processes: the submitter cannot approve on the other one", async () => {
    const author = await new HttpSession(apps[0].url).signIn(emails.teamReviewer, PASSWORD);
    const id = await createDraft(author, "Four eyes");
    await author.mutation("useCase.submit", { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
    const sameUserElsewhere = await new HttpSession(apps[1].url).signIn(emails.teamReviewer, PASSWORD);
    expect(await outcome(sameUserElsewhere.mutation("review.decide", { useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("FORBIDDEN");
    const other = await new HttpSession(apps[1].url).signIn(emails.reviewers[0]!, PASSWORD);
    expect(await outcome(other.mutation("review.decide", { useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" }))).toBe("OK");
  });

  it("lets exactly one of six reviewers on two processes win the approval race", async () => {
    const member = await new HttpSession(apps[0].url).signIn(emails.member, PASSWORD);
    const id = await createDraft(member, "Approval race");
    await member.mutation("useCase.submit", { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
    const reviewers = await Promise.all(emails.reviewers.map((email, i) => new HttpSession(apps[i % 2]!.url).signIn(email, PASSWORD)));
    const codes = await Promise.all(
      reviewers.map((r, i) =>
        outcome(r.mutation("review.decide", { useCaseId: id, number: 1, expectedVersion: 1, action: i % 2 ? "APPROVE" : "REJECT", comment: "Raced" })),
      ),
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK").every((c) => c === "CONFLICT")).toBe(true);
    const { db } = await import("~/server/db");
    const reviewed = await db.auditEvent.count({ where: { action: { in: ["DECISION_APPROVED", "DECISION_REJECTED"] }, payload: { path: ["useCaseId"], equals: id } } });
    expect(reviewed).toBe(1);
    const { verifyAuditChain } = await import("~/features/audit/queries");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
