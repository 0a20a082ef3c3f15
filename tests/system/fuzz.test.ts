/**
 * Property-based fuzzing through HTTP against the production build (issue 11): every tRPC
 * procedure of the router (enumerated from it, so a new one is fuzzed without editing this
 * file) × member, reviewer, admin and anonymous, and both export endpoints, get malformed and
 * hostile inputs (tests/system/support/fuzz.ts). For every call:
 * - no 5xx;
 * - no internal text in the response (database, driver, stack frames, host:port);
 * - a refused call (4xx) changed no row: a checksum of every table and the audit chain's head
 *   are the same before and after.
 * Deterministic: a fixed seed (FUZZ_SEED to change it; fast-check prints the seed and the
 * counterexample of a failure), FUZZ_RUNS runs per procedure and signed-in role (default 10; a third for anonymous, three times for the exports).
 * Also: sign-ins with hostile emails, signed-out page views (no stack in the log), the log's
 * shape, and a database that is down (503 with Retry-After on the exports and the busy page).
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import fc from "fast-check";
import pg from "pg";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEFAULT_PRICES, EXAMPLE_ANSWERS } from "~/engine";
import { createFreshDatabase, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { INTERNAL_TEXT } from "../support/internal-text";
import { startApp, type RunningApp } from "./support/app";
import { hostileInput, hostileRaw, hostileRequestId, hostileValue, inputPaths, type Path } from "./support/fuzz";
import { HttpSession } from "./support/http";

const server = await resolveServerUrl();
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_211);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const PASSWORD = "fuzz-password-1";

type Role = "member" | "reviewer" | "admin" | "anonymous";
const ROLES: Role[] = ["member", "reviewer", "admin", "anonymous"];

/** A free port in 55700–55799 (the range this project's tests use on a shared machine), else any. */
async function freePortInRange(): Promise<number | undefined> {
  for (let port = 55_700 + Math.floor(Math.random() * 100), n = 0; n < 100; n++, port = 55_700 + ((port - 55_700 + 1) % 100)) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  return undefined;
}

function seedFor(name: string): number {
  let h = SEED;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

/** fast-check's report (seed, path, counterexample), prefixed with what was fuzzed. */
async function check<T>(name: string, property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<number> {
  const details = await fc.check(property, { seed: seedFor(name), numRuns, endOnFailure: true });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${name}: ${cause}\n${fc.defaultReportMessage(details) ?? ""}`);
  }
  return details.numRuns;
}

interface Answer {
  status: number;
  text: string;
}

describe.skipIf(!server)("fuzz: hostile input to every procedure and both exports", () => {
  let database: FreshDatabase;
  let app: RunningApp;
  let client: pg.Client;
  const sessions = {} as Record<Role, HttpSession>;
  const emails = { member: "member@fuzz.test", reviewer: "reviewer@fuzz.test", admin: "admin@fuzz.test", spare: "spare@fuzz.test" };
  const ids = { team: "", otherTeam: "", useCase: "", draft: "", spareUser: "" };
  let calls = 0;
  const started = performance.now();

  beforeAll(async () => {
    database = await createFreshDatabase("servewise_fuzz", server);
    await database.migrate();
    process.env.DATABASE_URL = database.url;
    const { upsertTeam, upsertUser } = await import("~/features/account/service");
    const team = await upsertTeam({ name: "Fuzz Team", slug: "fuzz-team", description: "" });
    const other = await upsertTeam({ name: "Other Team", slug: "other-team", description: "" });
    ids.team = team.id;
    ids.otherTeam = other.id;
    const user = (email: string, role: "MEMBER" | "REVIEWER" | "ADMIN", teamSlugs: string[]) =>
      upsertUser({ email, name: email.split("@")[0]!, role, active: true, password: PASSWORD, teamSlugs }, { bcryptRounds: 4 });
    await user(emails.member, "MEMBER", [team.slug]);
    await user(emails.reviewer, "REVIEWER", []);
    await user(emails.admin, "ADMIN", []);
    ids.spareUser = (await user(emails.spare, "MEMBER", [])).id;

    app = await startApp({ databaseUrl: database.url, port: await freePortInRange(), env: { LOG_LEVEL: "info" } });
    for (const role of ["member", "reviewer", "admin"] as const) sessions[role] = await new HttpSession(app.url).signIn(emails[role], PASSWORD);
    sessions.anonymous = new HttpSession(app.url);
    const details = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] };
    ids.useCase = (await sessions.member.mutation<{ id: string }>("useCase.create", { teamId: team.id, title: "Fuzz target", ...details })).id;
    await sessions.member.mutation("useCase.submit", { id: ids.useCase, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["monthly-reporting"]!.answers });
    ids.draft = (await sessions.member.mutation<{ id: string }>("useCase.create", { teamId: team.id, title: "Fuzz draft", ...details })).id;
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await app?.stop();
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await database?.drop();
  });

  /** Every table's rows as one checksum each, and the audit chain's head. */
  async function snapshot(): Promise<string> {
    const table = (name: string, order: string) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) FROM "${name}" t)`;
    const { rows } = await client.query(`SELECT
      ${table("User", "t.id")} AS users, ${table("Team", "t.id")} AS teams, ${table("TeamMembership", 't."userId", t."teamId"')} AS memberships,
      ${table("UseCase", "t.id")} AS use_cases, ${table("DecisionVersion", "t.id")} AS versions, ${table("Comment", "t.id")} AS comments,
      ${table("Notification", "t.id")} AS notifications, ${table("Setting", "t.key")} AS settings,
      (SELECT seq::text || ':' || hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1) AS audit_head`);
    return JSON.stringify(rows[0]);
  }

  /**
   * An accepted `audit.verifyFull` goes on in the background and audits its end: wait for it, so
   * that its event is not taken for a change made by the next (refused) call.
   */
  async function noVerificationRunning() {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditVerification" WHERE status = 'RUNNING'`);
      if (rows[0]!.n === "0") return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("a full audit verification was still running after 30 s");
  }

  async function auditHeadMoved(before: string) {
    const head = (snapshot: string) => (JSON.parse(snapshot) as { audit_head: string | null }).audit_head;
    for (let i = 0; i < 50 && head(await snapshot()) === head(before); i++) await new Promise((r) => setTimeout(r, 50));
  }

  async function send(session: HttpSession, path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await session.fetch(path, init);
    // Requests that Node refuses before the app (headers or URL too large) are not the app's to log.
    if (response.status !== 431 && response.status !== 414) calls++;
    return { status: response.status, text: await response.text() };
  }

  function trpc(session: HttpSession, path: string, type: string, input: unknown, requestId?: string, raw?: string): Promise<Answer> {
    const headers: Record<string, string> = { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) };
    const payload = raw ?? JSON.stringify(superjson.serialize(input));
    if (type === "mutation") return send(session, `/api/trpc/${path}`, { method: "POST", headers, body: payload });
    return send(session, `/api/trpc/${path}?input=${encodeURIComponent(payload.replace(/[\ud800-\udfff]/g, "\ufffd"))}`, { headers });
  }

  /** The three promises of issue 11 for one call. */
  async function expectSafe(what: string, before: string, answer: Answer) {
    expect(answer.status, `${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
    expect(answer.text.match(INTERNAL_TEXT)?.[0], `${what}: internal text in ${answer.text.slice(0, 300)}`).toBeUndefined();
    if (answer.status >= 400) expect(await snapshot(), `${what} was refused (${answer.status}) but changed rows`).toBe(before);
  }

  /** A valid input per procedure, so that hostile fields are checked past the others' validation. */
  function validInput(path: string): unknown {
    const details = { description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["fuzz"] };
    const version = { useCaseId: ids.useCase, number: 1 };
    const inputs: Record<string, unknown> = {
      "useCase.create": { teamId: ids.team, title: "Fuzzed", ...details },
      "useCase.updateDetails": { id: ids.draft, expectedRevision: 1, title: "Fuzzed", ...details },
      "useCase.saveDraft": { id: ids.draft, expectedRevision: 1, answers: { consumer: "report" } },
      "useCase.submit": { id: ids.draft, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["monthly-reporting"]!.answers },
      "useCase.get": { id: ids.useCase },
      "useCase.listMine": { query: "fuzz", teamId: ids.team },
      "decision.get": version,
      "review.queue": { teamId: ids.team, strategy: "batch", criticality: "low", maxConfidence: 0.5, minAgeDays: 0 },
      "review.decide": { ...version, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "fuzz" },
      "review.withdraw": { ...version, expectedVersion: 1 },
      "review.state": version,
      "review.comment": { ...version, body: "fuzz" },
      "review.compare": { useCaseId: ids.useCase, from: 1, to: 1 },
      "review.reopenWithCurrentEngine": { ...version, idempotencyKey: randomUUID() },
      "notification.markRead": { ids: "all" },
      "decisionLog.list": { filter: { teamId: ids.team, from: "2026-01-01", to: "2099-12-31", q: "fuzz" }, sort: "title", dir: "asc", limit: 5 },
      "audit.list": { filter: { actor: "fuzz", from: "2026-01-01", to: "2099-12-31" }, before: "1000", limit: 5 },
      "audit.timeline": { id: ids.useCase },
      "admin.setRole": { userId: ids.spareUser, role: "REVIEWER" },
      "admin.setActive": { userId: ids.spareUser, active: true },
      "admin.setTeams": { userId: ids.spareUser, teamIds: [ids.otherTeam] },
      "admin.createTeam": { name: "Fuzzed team", slug: "fuzzed-team", description: "" },
      "admin.updatePrices": { prices: DEFAULT_PRICES },
    };
    return inputs[path];
  }

  it("every procedure × role: no 5xx, no internal text, refused calls change nothing", async () => {
    const { appRouter } = await import("~/server/api/root");
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: z.ZodType[] } }>);
    expect(procedures.length).toBeGreaterThanOrEqual(33);
    let runs = 0;
    for (const [path, procedure] of procedures) {
      const { type, inputs } = procedure._def;
      const base = validInput(path);
      const paths: Path[] = inputs.flatMap((schema) => inputPaths(schema));
      for (const role of ROLES) {
        const session = sessions[role];
        const numRuns = role === "anonymous" ? Math.max(1, Math.ceil(RUNS / 3)) : RUNS;
        await noVerificationRunning();
        runs += await check(
          `${path} as ${role}`,
          fc.asyncProperty(hostileInput(base, paths), hostileRequestId, fc.option(hostileRaw, { freq: 10 }), async ({ input, changed }, requestId, raw) => {
            if (path === "audit.verifyFull") await noVerificationRunning();
            const before = await snapshot();
            const answer = await trpc(session, path, type, input, requestId, raw ?? undefined);
            await expectSafe(`${path} as ${role}, changed ${changed}`, before, answer);
          }),
          numRuns,
        );
      }
    }
    console.log(`fuzz: ${procedures.length} procedures × ${ROLES.length} roles, ${runs} runs (seed ${SEED})`);
  });

  it("malformed tRPC requests: unknown or malformed paths, batches, methods and bodies", async () => {
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ id: "\u0000" })));
    // (A malformed escape in the path itself, `/api/trpc/%`, is answered 500 by Next's router
    // before any of the app's code runs: a framework limit, left to a proxy.)
    const requests: [string, RequestInit][] = [
      ["/api/trpc/no.such.procedure", {}],
      ["/api/trpc/useCase.get,useCase.get?batch=1&input=%7B%220%22%3A1%7D", {}],
      [`/api/trpc/useCase.get,audit.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize({ id: "\u0000" }), 1: { json: { filter: {}, before: "9999999999999999999" } } }))}`, {}],
      [`/api/trpc/useCase.get?input=${input}`, { method: "POST" }],
      ["/api/trpc/useCase.create", { method: "POST", headers: { "content-type": "text/plain" }, body: "\u0000" }],
      ["/api/trpc/useCase.create", { method: "POST", headers: { "content-type": "application/json" }, body: "{".repeat(5000) }],
      ["/api/trpc/useCase.create?batch=1", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ 0: superjson.serialize({ title: "\ud800" }) }) }],
      ["/api/trpc/useCase.create", { method: "PUT" }],
    ];
    for (const role of ROLES) {
      for (const [path, init] of requests) {
        const before = await snapshot();
        await expectSafe(`${init.method ?? "GET"} ${path} as ${role}`, before, await send(sessions[role], path, init));
      }
    }
  });

  it("both export endpoints: hostile filters, formats and request ids", async () => {
    const endpoints = {
      "/api/export/decision-log": ["format", "bom", "teamId", "status", "strategy", "override", "from", "to", "q"],
      "/api/export/audit-log": ["format", "bom", "actor", "action", "entityType", "entityId", "from", "to"],
    };
    // Every format an endpoint may be asked for (the audit log refuses xlsx with a 400).
    const format = fc.constantFrom("csv", "jsonl", "xlsx");
    const rawToken = fc.constantFrom("%00", "%ED%A0%80", "%C0%80", "%", "%zz", "%FF%FE", "a%00b", "%E2%80%AE");
    const value = fc.oneof(
      hostileValue.map((v) => encodeURIComponent(String(v).replace(/[\ud800-\udfff]/g, "\ufffd"))),
      rawToken,
    );
    let runs = 0;
    for (const [endpoint, keys] of Object.entries(endpoints)) {
      for (const role of ROLES) {
        runs += await check(
          `${endpoint} as ${role}`,
          fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), value), { minLength: 1, maxLength: 4 }), hostileRequestId, format, async (params, requestId, asked) => {
            const query = [`format=${asked}`, ...params.map(([k, v]) => `${k}=${v}`)].join("&");
            const before = await snapshot();
            const answer = await send(sessions[role], `${endpoint}?${query}`, { headers: requestId ? { "x-request-id": requestId } : {} });
            await expectSafe(`GET ${endpoint}?${query} as ${role}`, before, answer);
            // The export's audit event is written before its first byte; wait in case it lags.
            if (answer.status === 200) await auditHeadMoved(before);
          }),
          RUNS * 3,
        );
      }
    }
    console.log(`fuzz: 2 export endpoints × ${ROLES.length} roles, ${runs} runs`);
  });

  it("pages with hostile search parameters render (or refuse) without a 5xx or internal text", async () => {
    const pages: [Role, string, string[]][] = [
      ["member", "/use-cases", ["q", "team"]],
      ["member", "/decision-log", ["teamId", "status", "strategy", "override", "from", "to", "q", "sort", "dir"]],
      ["reviewer", "/review", ["team", "strategy", "criticality", "maxConfidence", "minAge"]],
      ["admin", "/admin/audit", ["actor", "action", "entityType", "entityId", "from", "to"]],
      ["member", `/use-cases/${ids.useCase}/versions/1`, ["x"]],
    ];
    const value = hostileValue.map((v) => encodeURIComponent(String(v).replace(/[\ud800-\udfff]/g, "\ufffd")).slice(0, 3000));
    for (const [role, page, keys] of pages) {
      await check(
        `page ${page} as ${role}`,
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(value, fc.constantFrom("%00", "%ED%A0%80", "%"))), { minLength: 1, maxLength: 3 }), async (params) => {
          const url = `${page}?${params.map(([k, v]) => `${k}=${v}`).join("&")}`;
          const response = await sessions[role].fetch(url);
          const html = await response.text();
          expect(response.status, url).toBeLessThan(500);
          expect(html.match(INTERNAL_TEXT)?.[0], url).toBeUndefined();
        }),
        RUNS,
      );
    }
  });

  it("sign-ins with hostile emails are refused as invalid credentials, audited, and leak nothing", async () => {
    const audited = async () => Number((await client.query(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'SIGN_IN_FAILED'`)).rows[0].n);
    const email = fc.oneof(
      fc.constantFrom("pro\u0000be@fuzz.test", `${emails.member}\u0000`, "\ud800@fuzz.test", `${"x".repeat(300)}@fuzz.test`, "' OR 1=1 --"),
      hostileValue.map((v) => String(v)),
    );
    await check(
      "sign-in",
      fc.asyncProperty(email, async (attempt) => {
        const session = new HttpSession(app.url);
        const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        const before = await audited();
        const response = await session.fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: attempt, password: PASSWORD, json: "true", callbackUrl: "/" }),
        });
        const text = await response.text();
        // The redirect names the app's own address: only what follows it is of interest.
        const where = `${response.headers.get("location") ?? ""} ${text}`.replaceAll(app.url, "");
        expect(response.status, where).toBeLessThan(500);
        expect(decodeURIComponent(where), attempt).not.toMatch(INTERNAL_TEXT);
        expect(session.hasSession()).toBe(false);
        if (attempt !== "") {
          expect(decodeURIComponent(where)).toMatch(/error=(InvalidCredentials|CredentialsSignin)/);
          expect(await audited(), `the attempt with ${JSON.stringify(attempt)} was not audited`).toBe(before + 1);
        }
      }),
      RUNS + 4,
    );
  });

  it("logs one JSON line per request; refusals and signed-out page views print no stack", async () => {
    const anonymous = new HttpSession(app.url);
    for (const page of ["/", "/use-cases", "/use-cases/new", "/decision-log", "/review", "/inbox", "/admin", "/admin/audit", `/use-cases/${ids.useCase}`]) {
      const response = await anonymous.fetch(page);
      expect(response.status, page).toBe(307);
      expect(response.headers.get("location"), page).toMatch(/\/signin/);
    }
    expect((await sessions.member.fetch("/use-cases/does-not-exist")).status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 300));
    const output = app.output();
    expect(output).not.toMatch(/TRPCError/);
    expect(output, "a stack trace was printed").not.toMatch(/\n\s+at \S/);
    const lines = output.split("\n").filter((l) => l.startsWith("{"));
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; status?: number; path?: string; type?: string; durationMs?: number });
    const requests = parsed.filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThanOrEqual(calls * 0.9);
    for (const line of requests) expect(line).toMatchObject({ requestId: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
    expect(parsed.filter((l) => l.msg === "unexpected error")).toEqual([]);
    console.log(`fuzz: ${calls} HTTP calls in ${((performance.now() - started) / 1000).toFixed(1)} s, ${requests.length} request log lines`);
  });

  it("a database that is down: the exports and sign-in answer 503 / a clear refusal, pages the busy page, no stack", async () => {
    const down = await startApp({ databaseUrl: `postgresql://servewise:secret@127.0.0.1:${(await freePortInRange()) ?? 1}/servewise`, env: { LOG_LEVEL: "info" } });
    try {
      const basic = { authorization: `Basic ${Buffer.from(`${emails.member}:${PASSWORD}`).toString("base64")}` };
      for (const [endpoint, headers] of [
        ["/api/export/decision-log?format=csv", basic],
        ["/api/export/audit-log?format=csv", { cookie: sessions.admin.cookieHeader() }],
      ] as const) {
        const response = await fetch(`${down.url}${endpoint}`, { headers });
        const text = await response.text();
        expect(response.status, text).toBe(503);
        expect(response.headers.get("retry-after")).toBe("2");
        expect(text).toMatch(/busy right now/);
        expect(text).not.toMatch(INTERNAL_TEXT);
      }
      const page = await fetch(`${down.url}/use-cases`, { headers: { cookie: sessions.member.cookieHeader() } });
      const html = await page.text();
      // The error page renders "Servewise is busy right now" for this digest (src/app/error.tsx).
      expect(html, `HTTP ${page.status}`).toMatch(/busy-[0-9a-f-]{36}/);
      expect(html).not.toMatch(INTERNAL_TEXT);

      const session = new HttpSession(down.url);
      const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const signIn = await session.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: emails.member, password: PASSWORD, json: "true", callbackUrl: "/" }),
      });
      const where = decodeURIComponent(`${signIn.headers.get("location") ?? ""} ${await signIn.text()}`.replaceAll(down.url, ""));
      expect(where).toMatch(/error=SignInBusy/);
      expect(where).not.toMatch(INTERNAL_TEXT);
      await new Promise((r) => setTimeout(r, 300));
      expect(down.output(), "a stack trace was printed").not.toMatch(/\n\s+at \S/);
    } finally {
      await down.stop();
    }
  });
});
