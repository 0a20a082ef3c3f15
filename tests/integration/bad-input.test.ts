/**
 * Bad input is never a 500 (issue 11): every input that reached PostgreSQL and came back as a
 * 500 with Prisma or PostgreSQL text is refused by the shared zod schemas with a 400 and a
 * field message, through the real tRPC HTTP handler (error formatter included) and the
 * export routes, and changes nothing. The request id is the server's, a client's only when
 * short and plain; a sign-in with a NUL in the email is refused as invalid and audited.
 */
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportAuditLog } from "~/app/api/export/audit-log/route";
import { GET as exportDecisionLog } from "~/app/api/export/decision-log/route";
import { EXAMPLE_ANSWERS } from "~/engine";
import { DATE_ONLY_MESSAGE } from "~/lib/date-range";
import { NUL_MESSAGE, SURROGATE_MESSAGE } from "~/lib/validation";
import { handleTrpcRequest } from "~/server/api/http";
import { getAuthOptions } from "~/server/auth/options";
import { db } from "~/server/db";
import { INTERNAL_TEXT } from "../support/internal-text";
import { callerFor, makeTeam, makeUser } from "./helpers";


type User = Awaited<ReturnType<typeof makeUser>>;

interface Answer {
  status: number;
  text: string;
  headers: Headers;
  body: { error?: { json?: { message?: string; data?: { code?: string; fieldErrors?: Record<string, string[]> | null; requestId?: string } } } };
}

async function trpc(user: User | null, path: string, input: unknown, options: { mutation?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
  const payload = JSON.stringify(superjson.serialize(input));
  const url = options.mutation ? `http://x/api/trpc/${path}` : `http://x/api/trpc/${path}?input=${encodeURIComponent(payload)}`;
  const request = new Request(url, {
    method: options.mutation ? "POST" : "GET",
    headers: { "content-type": "application/json", ...options.headers },
    body: options.mutation ? payload : undefined,
  });
  const response = await handleTrpcRequest(request, { claim: async () => (user ? { userId: user.id } : null) });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, body: JSON.parse(text) as Answer["body"] };
}

function basic(email: string, password: string) {
  return { authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` };
}

function cursorOf(value: unknown, id: unknown = "abc") {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

/**
 * Rows of the tables a refused call must not touch, and the audit chain's head (leaving out
 * sign-in events: an export's HTTP Basic sign-in is audited whether or not the export runs).
 */
async function snapshot() {
  const [useCases, versions, comments, notifications, teams, users, head] = await Promise.all([
    db.useCase.findMany({ select: { id: true, revision: true, updatedAt: true } }),
    db.decisionVersion.findMany({ select: { id: true, version: true } }),
    db.comment.count(),
    db.notification.findMany({ select: { id: true, readAt: true } }),
    db.team.count(),
    db.user.findMany({ select: { id: true, role: true, active: true } }),
    db.auditEvent.findFirst({ where: { action: { notIn: ["USER_SIGNED_IN", "SIGN_IN_FAILED"] } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } }),
  ]);
  return JSON.stringify({ useCases, versions, comments, notifications, teams, users, head: head && { seq: String(head.seq), hash: head.hash } });
}

const NUL = "pro\u0000be";
const SURROGATE = "probe\ud800x";
const LONG_ID = "x".repeat(81);

let team: Awaited<ReturnType<typeof makeTeam>>;
let member: User;
let reviewer: User;
let admin: User;
let useCaseId: string;

const details = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] as string[] };

beforeAll(async () => {
  team = await makeTeam("BadInput");
  member = await makeUser({ teamSlugs: [team.slug], password: "member-pass" });
  reviewer = await makeUser({ role: "REVIEWER" });
  admin = await makeUser({ role: "ADMIN", password: "admin-pass" });
  ({ id: useCaseId } = await callerFor(member).useCase.create({ teamId: team.id, title: "Bad input target", ...details }));
  await callerFor(member).useCase.submit({ id: useCaseId, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["monthly-reporting"]!.answers });
});

/** [name, who, procedure, input, mutation?, the field that must carry the message]. */
type Case = [string, () => User, string, () => unknown, boolean, string];

const cases: Case[] = [
  // A NUL byte in any string, id or search.
  ["NUL in a title", () => member, "useCase.create", () => ({ teamId: team.id, title: NUL, ...details }), true, "title"],
  ["NUL in a description", () => member, "useCase.create", () => ({ teamId: team.id, title: "probe", ...details, description: NUL }), true, "description"],
  ["NUL in an owner", () => member, "useCase.create", () => ({ teamId: team.id, title: "probe", ...details, owner: NUL }), true, "owner"],
  ["NUL in a link", () => member, "useCase.create", () => ({ teamId: team.id, title: "probe", ...details, modelRepoUrl: `https://x/${NUL}` }), true, "modelRepoUrl"],
  ["NUL in a team id", () => member, "useCase.create", () => ({ teamId: NUL, title: "probe", ...details }), true, "teamId"],
  ["NUL in a use case id", () => member, "useCase.get", () => ({ id: NUL }), false, "id"],
  ["NUL in the details' id", () => member, "useCase.updateDetails", () => ({ id: NUL, expectedRevision: 1, title: "probe", ...details }), true, "id"],
  ["NUL in a draft's id", () => member, "useCase.saveDraft", () => ({ id: NUL, expectedRevision: 1, answers: {} }), true, "id"],
  ["NUL in a search", () => member, "useCase.listMine", () => ({ query: NUL }), false, "query"],
  ["NUL in a search's team", () => member, "useCase.listMine", () => ({ teamId: NUL }), false, "teamId"],
  ["NUL in a decision's use case id", () => member, "decision.get", () => ({ useCaseId: NUL, number: 1 }), false, "useCaseId"],
  ["NUL in a review's use case id", () => reviewer, "review.decide", () => ({ useCaseId: NUL, number: 1, expectedVersion: 1, action: "APPROVE" }), true, "useCaseId"],
  ["NUL in a review comment", () => reviewer, "review.decide", () => ({ useCaseId, number: 1, expectedVersion: 1, action: "REJECT", comment: NUL }), true, "comment"],
  ["NUL in a comment", () => member, "review.comment", () => ({ useCaseId, number: 1, body: NUL }), true, "body"],
  ["NUL in the queue's team", () => reviewer, "review.queue", () => ({ teamId: NUL }), false, "teamId"],
  ["NUL in a notification id", () => member, "notification.markRead", () => ({ ids: [NUL] }), true, "ids.0"],
  ["NUL in a user id", () => admin, "admin.setRole", () => ({ userId: NUL, role: "MEMBER" }), true, "userId"],
  ["NUL in a team list", () => admin, "admin.setTeams", () => ({ userId: member.id, teamIds: [NUL] }), true, "teamIds.0"],
  ["NUL in a team name", () => admin, "admin.createTeam", () => ({ name: NUL, slug: "nul-team", description: "" }), true, "name"],
  ["NUL in the log's search", () => member, "decisionLog.list", () => ({ filter: { q: "\u0000" } }), false, "filter.q"],
  ["NUL in the log's team", () => member, "decisionLog.list", () => ({ filter: { teamId: NUL } }), false, "filter.teamId"],
  ["NUL in the audit actor filter", () => admin, "audit.list", () => ({ filter: { actor: NUL } }), false, "filter.actor"],
  ["NUL in the audit entity filter", () => admin, "audit.list", () => ({ filter: { entityId: NUL } }), false, "filter.entityId"],
  ["NUL in a timeline id", () => member, "audit.timeline", () => ({ id: NUL }), false, "id"],
  // A lone UTF-16 surrogate (fails the audit trail's jsonb insert).
  ["lone surrogate in a title", () => member, "useCase.create", () => ({ teamId: team.id, title: SURROGATE, ...details }), true, "title"],
  ["lone surrogate in a description", () => member, "useCase.updateDetails", () => ({ id: useCaseId, expectedRevision: 2, title: "probe", ...details, description: SURROGATE }), true, "description"],
  ["lone surrogate in an owner", () => member, "useCase.updateDetails", () => ({ id: useCaseId, expectedRevision: 2, title: "probe", ...details, owner: "\udc00" }), true, "owner"],
  ["lone surrogate in a comment", () => member, "review.comment", () => ({ useCaseId, number: 1, body: SURROGATE }), true, "body"],
  ["lone surrogate in a team name", () => admin, "admin.createTeam", () => ({ name: SURROGATE, slug: "surrogate-team", description: "" }), true, "name"],
  // Integers beyond the 32-bit columns.
  ["expectedVersion 2147483648 (decide)", () => reviewer, "review.decide", () => ({ useCaseId, number: 1, expectedVersion: 2147483648, action: "APPROVE" }), true, "expectedVersion"],
  ["expectedVersion 2147483648 (withdraw)", () => member, "review.withdraw", () => ({ useCaseId, number: 1, expectedVersion: 2147483648 }), true, "expectedVersion"],
  ["expectedRevision 2147483648", () => member, "useCase.saveDraft", () => ({ id: useCaseId, expectedRevision: 2147483648, answers: {} }), true, "expectedRevision"],
  // Dates that match the pattern but do not exist.
  ["from=2026-02-31 (log)", () => member, "decisionLog.list", () => ({ filter: { from: "2026-02-31" } }), false, "filter.from"],
  ["to=2026-13-01 (log)", () => member, "decisionLog.list", () => ({ filter: { to: "2026-13-01" } }), false, "filter.to"],
  ["from=2026-02-31 (audit)", () => admin, "audit.list", () => ({ filter: { from: "2026-02-31" } }), false, "filter.from"],
  ["to=0000-01-01 (audit)", () => admin, "audit.list", () => ({ filter: { to: "0000-01-01" } }), false, "filter.to"],
  // Crafted decision-log cursors.
  ["a cursor that is not a date", () => member, "decisionLog.list", () => ({ filter: {}, cursor: cursorOf("not a date") }), false, "cursor"],
  ["a cursor with an object", () => member, "decisionLog.list", () => ({ filter: {}, sort: "confidence", cursor: cursorOf({ a: 1 }) }), false, "cursor"],
  ["a cursor with a NUL id", () => member, "decisionLog.list", () => ({ filter: {}, sort: "title", cursor: cursorOf("a", NUL) }), false, "cursor"],
  ["a cursor that is not base64", () => member, "decisionLog.list", () => ({ filter: {}, cursor: "%%%" }), false, "cursor"],
  // Sequence numbers beyond bigint.
  ["audit.list before=9999999999999999999", () => admin, "audit.list", () => ({ filter: {}, before: "9999999999999999999" }), false, "before"],
  ["audit.list after=9999999999999999999", () => admin, "audit.list", () => ({ filter: {}, after: "9999999999999999999" }), false, "after"],
];

describe("bad input is a 400 with a field message, never a 500", () => {
  for (const [name, who, path, input, mutation, field] of cases) {
    it(`${name}: ${path} -> 400 on ${field}`, async () => {
      const before = await snapshot();
      const answer = await trpc(who(), path, input(), { mutation });
      expect(answer.text).not.toMatch(INTERNAL_TEXT);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error?.json?.data?.code).toBe("BAD_REQUEST");
      expect(answer.body.error?.json?.data?.fieldErrors?.[field]?.[0], answer.text).toMatch(/\w/);
      expect(await snapshot()).toBe(before);
    });
  }

  it("the messages say what is wrong", async () => {
    const nul = await trpc(member, "useCase.create", { teamId: team.id, title: NUL, ...details }, { mutation: true });
    expect(nul.body.error?.json?.message).toBe("Some fields need attention: see the messages next to them.");
    expect(nul.body.error?.json?.data?.fieldErrors?.title).toEqual([NUL_MESSAGE]);
    const surrogate = await trpc(member, "review.comment", { useCaseId, number: 1, body: SURROGATE }, { mutation: true });
    expect(surrogate.body.error?.json?.data?.fieldErrors?.body).toEqual([SURROGATE_MESSAGE]);
    const date = await trpc(member, "decisionLog.list", { filter: { from: "2026-02-31" } });
    expect(date.body.error?.json?.data?.fieldErrors?.["filter.from"]).toEqual([DATE_ONLY_MESSAGE]);
    const version = await trpc(reviewer, "review.decide", { useCaseId, number: 1, expectedVersion: 2147483648, action: "APPROVE" }, { mutation: true });
    expect(version.body.error?.json?.data?.fieldErrors?.expectedVersion).toEqual(["That number is too large."]);
  });

  it("the exports refuse the same inputs with 400 and field errors", async () => {
    const before = await snapshot();
    for (const [route, query, field, who] of [
      [exportDecisionLog, "q=%00", "q", member],
      [exportDecisionLog, "teamId=%00", "teamId", member],
      [exportDecisionLog, "from=2026-02-31", "from", member],
      [exportDecisionLog, "to=2026-13-01", "to", member],
      [exportAuditLog, "actor=%00", "actor", admin],
      [exportAuditLog, "entityId=%00", "entityId", admin],
      [exportAuditLog, "from=2026-02-31", "from", admin],
    ] as const) {
      const password = who === admin ? "admin-pass" : "member-pass";
      const response = await route(new Request(`http://x/api/export/x?format=csv&${query}`, { headers: basic(who.email, password) }));
      const text = await response.text();
      expect(text).not.toMatch(INTERNAL_TEXT);
      expect(response.status, `${query}: ${text}`).toBe(400);
      expect((JSON.parse(text) as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toMatch(/\w/);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("request ids", () => {
  it("a long x-request-id on an audited mutation is replaced by the server's, and the change is recorded", async () => {
    const answer = await trpc(member, "useCase.create", { teamId: team.id, title: "Long request id", ...details }, { mutation: true, headers: { "x-request-id": LONG_ID } });
    expect(answer.status, answer.text).toBe(200);
    const requestId = answer.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "USE_CASE_CREATED" }, orderBy: { seq: "desc" } });
    expect(event.requestId).toBe(requestId);
  });

  it("keeps a short, plain client id; replaces one with other characters", async () => {
    const kept = await trpc(member, "useCase.create", { teamId: team.id, title: "Plain request id", ...details }, { mutation: true, headers: { "x-request-id": "proxy-1234.abc_Z" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-1234.abc_Z");
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "USE_CASE_CREATED" }, orderBy: { seq: "desc" } })).requestId).toBe("proxy-1234.abc_Z");
    const replaced = await trpc(member, "account.me", undefined, { headers: { "x-request-id": "has space" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("has space");
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an export with a long x-request-id streams, is audited, and answers the server's id", async () => {
    const response = await exportDecisionLog(new Request("http://x/api/export/decision-log?format=csv", { headers: { ...basic(member.email, "member-pass"), "x-request-id": LONG_ID } }));
    expect(response.status).toBe(200);
    await response.text();
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => db.auditEvent.count({ where: { action: "DECISION_LOG_EXPORTED", requestId } })).toBe(1);
  });
});

describe("sign-in with a NUL in the email", () => {
  it("is refused as invalid credentials (no database text) and audited as a failed sign-in", async () => {
    const provider = getAuthOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    const email = `nul\u0000${member.email}`;
    const before = await db.auditEvent.count({ where: { action: "SIGN_IN_FAILED" } });
    const refusal = await provider.options.authorize({ email, password: "member-pass" }, {}).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toBe("InvalidCredentials");
    expect(await db.auditEvent.count({ where: { action: "SIGN_IN_FAILED" } })).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_FAILED" }, orderBy: { seq: "desc" } });
    expect(event.actorEmail).toBe(`nul\ufffd${member.email}`);
    expect(event.payload).toMatchObject({ email: `nul\ufffd${member.email}`, reason: "invalid", method: "password" });
  });
});
