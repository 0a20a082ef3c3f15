/**
 * Sign-in, sessions and the browser, through HTTP against the production build: open redirects,
 * deep links, throttled password guessing (form and HTTP Basic, audited), bcrypt under a burst of
 * guesses, sign-out that really ends a session, security headers, real 404s, batch limits and
 * cross-site exports.
 *
 * Two servers: `app` trusts one proxy hop (each test speaks from its own X-Forwarded-For address)
 * and has an HTTPS public URL (HSTS, Secure cookies); `direct` has the defaults (no proxy
 * trusted, plain HTTP), where a forged X-Forwarded-For must not escape the per-address limit.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { createFreshDatabase, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { startApp, type RunningApp } from "./support/app";
import { HttpSession } from "./support/http";

const server = await resolveServerUrl();
const PASSWORD = "sign-in-system-pass";
let database: FreshDatabase;
let app: RunningApp;
let direct: RunningApp;

let seq = 0;
/** A fresh client address (TEST-NET-3), so tests do not share the per-address budget. */
const newAddress = () => `203.0.113.${++seq}`;

async function user(role: "MEMBER" | "REVIEWER" | "ADMIN" = "MEMBER", teamSlugs: string[] = []) {
  const { upsertUser } = await import("~/features/account/service");
  const key = randomBytes(4).toString("hex");
  return upsertUser({ email: `${role.toLowerCase()}-${key}@sign-in.test`, name: `${role} ${key}`, role, active: true, password: PASSWORD, teamSlugs }, { bcryptRounds: 4 });
}

/** Signs in through next-auth's form endpoint, from `address`; never throws. */
async function formSignIn(target: RunningApp, email: string, password: string, address?: string) {
  const session = new HttpSession(target.url);
  const headers: Record<string, string> = address ? { "x-forwarded-for": address } : {};
  const { csrfToken } = (await (await session.fetch("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const response = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
  });
  const text = await response.text();
  const url = response.headers.get("location") ?? ((JSON.parse(text || "{}") as { url?: string }).url ?? "");
  return { session, status: response.status, error: new URL(url, target.url).searchParams.get("error"), response };
}

async function signedIn(target: RunningApp, email: string, address = newAddress()) {
  const result = await formSignIn(target, email, PASSWORD, address);
  if (!result.session.hasSession()) throw new Error(`sign-in as ${email} failed: ${result.status} ${result.error}`);
  return result.session;
}

function basic(email: string, password: string) {
  return `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;
}

async function exportAs(target: RunningApp, headers: Record<string, string>) {
  const response = await fetch(`${target.url}/api/export/decision-log?format=jsonl`, { headers, redirect: "manual" });
  await response.arrayBuffer();
  return response;
}

async function auditCount(where: Record<string, unknown>) {
  const { db } = await import("~/server/db");
  return db.auditEvent.count({ where });
}

describe.skipIf(!server)("sign-in, sessions and the browser (HTTP)", () => {
  beforeAll(async () => {
    database = await createFreshDatabase("servewise_sign_in", server);
    await database.migrate();
    process.env.DATABASE_URL = database.url;
    [app, direct] = await Promise.all([
      startApp({ databaseUrl: database.url, env: { TRUST_PROXY: "1", NEXTAUTH_URL: "https://servewise.example.test" } }),
      startApp({ databaseUrl: database.url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), direct?.stop()]);
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await database?.drop();
  });

  it("never redirects a signed-in visitor of /signin off the site", async () => {
    const session = await signedIn(app, (await user()).email);
    for (const evil of ["/.//evil.example", "/%2e//evil.example", "/..//evil.example", "//evil.example", "/\\evil.example", "https://evil.example/x", "/./%2e/.//evil.example"]) {
      const response = await session.fetch(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
      expect(response.status, evil).toBe(307);
      const location = response.headers.get("location")!;
      expect(location, evil).toBe("/");
    }
    const fine = await session.fetch(`/signin?callbackUrl=${encodeURIComponent("/decision-log?q=a")}`);
    expect(fine.headers.get("location")).toBe("/decision-log?q=a");
  });

  it("sends a signed-out deep link to sign in and back to the very URL", async () => {
    const response = await fetch(`${app.url}/decision-log?q=fraud&status=APPROVED`, { redirect: "manual" });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!, app.url);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/decision-log?q=fraud&status=APPROVED");
  });

  it("locks an account after 5 wrong passwords on the form, says when to retry, and audits it", async () => {
    const victim = await user();
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await formSignIn(app, victim.email, `wrong-${i}`, address)).error).toBe("InvalidCredentials");
    const refused = await formSignIn(app, victim.email, PASSWORD, newAddress());
    expect(refused.session.hasSession()).toBe(false);
    expect(refused.error).toMatch(/^TooManyAttempts:(5\d|60)$/);
    expect(await auditCount({ action: "ACCOUNT_LOCKED", entityId: victim.id })).toBe(1);
  });

  it("answers HTTP Basic guesses with 429 and Retry-After once locked, and audits Basic sign-ins and failures", async () => {
    const victim = await user();
    const address = newAddress();
    const ok = await exportAs(app, { authorization: basic(victim.email, PASSWORD), "x-forwarded-for": address });
    expect(ok.status).toBe(200);
    expect(await auditCount({ action: "USER_SIGNED_IN", entityId: victim.id, payload: { path: ["method"], equals: "http-basic" } })).toBe(1);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await exportAs(app, { authorization: basic(victim.email, `wrong-${i}`), "x-forwarded-for": address })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await exportAs(app, { authorization: basic(victim.email, PASSWORD), "x-forwarded-for": newAddress() });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(await auditCount({ action: "SIGN_IN_FAILED", entityId: victim.id, payload: { path: ["method"], equals: "http-basic" } })).toBe(5);
  });

  it("keeps a signed-in user's requests fast during 16 parallel HTTP Basic guesses", async () => {
    const { db } = await import("~/server/db");
    const { hashPassword } = await import("~/server/auth/password");
    // Guesses against 16 real accounts with production-strength hashes (cost 12).
    const targets = await Promise.all(Array.from({ length: 16 }, () => user()));
    const strong = await hashPassword("the real password", 12);
    await db.user.updateMany({ where: { id: { in: targets.map((t) => t.id) } }, data: { passwordHash: strong } });
    const reader = await signedIn(direct, (await user()).email);
    const timed = async () => {
      const t = performance.now();
      await reader.query("account.me");
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await timed());
    let guessing = true;
    const guesses = Promise.all(targets.map((t) => exportAs(direct, { authorization: basic(t.email, "a wrong guess") }))).finally(() => (guessing = false));
    const busy: number[] = [];
    await new Promise((r) => setTimeout(r, 20));
    while (guessing) busy.push(await timed());
    const answered = await guesses;
    const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
    console.log(
      `signed-in request: idle median ${quantile(idle, 0.5).toFixed(0)} ms; during 16 parallel Basic guesses ` +
        `median ${quantile(busy, 0.5).toFixed(0)} ms, p95 ${quantile(busy, 0.95).toFixed(0)} ms, max ${Math.max(...busy).toFixed(0)} ms (${busy.length} requests)`,
    );
    expect(answered.every((r) => r.status === 401 || r.status === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    // Generous bounds on a shared 2-core machine (unthrottled, the median was 1.6 s).
    expect(quantile(busy, 0.5)).toBeLessThan(250);
    expect(quantile(busy, 0.95)).toBeLessThan(500);
  });

  it("ends a session on sign-out: a copy of the cookie stops working at once", async () => {
    const member = await user();
    const session = await signedIn(app, member.email);
    const copy = new HttpSession(app.url);
    copy.remember(new Response(null, { headers: session.cookieList().map(({ name, value }) => ["set-cookie", `${name}=${value}`] as [string, string]) }));
    expect(((await copy.query<{ email: string }>("account.me")) as { email: string }).email).toBe(member.email);
    const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await session.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: "/signin?signedOut=1" }),
    });
    expect(out.status).toBeLessThan(400);
    await expect(copy.query("account.me")).rejects.toMatchObject({ status: 401 });
    expect((await copy.fetch("/")).status).toBe(307);
    expect(await auditCount({ action: "USER_SIGNED_OUT", entityId: member.id })).toBe(1);
  });

  it("sends a nonce-based CSP without unsafe-eval, HSTS and Secure cookies under HTTPS, and no-store on API answers", async () => {
    const page = await fetch(`${app.url}/signin`);
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((s) => s.includes(`nonce="${nonce}"`))).toBe(true);
    const again = (await fetch(`${app.url}/signin`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect((await fetch(`${direct.url}/signin`)).headers.get("strict-transport-security")).toBeNull();

    const secure = await formSignIn(app, (await user()).email, PASSWORD, newAddress());
    const cookie = secure.response.headers.getSetCookie().find((c) => c.includes("session-token"));
    expect(cookie).toMatch(/^__Secure-next-auth\.session-token=.*;\s*Secure/i);
    const plain = await formSignIn(direct, (await user()).email, PASSWORD);
    expect(plain.response.headers.getSetCookie().find((c) => c.includes("session-token"))).not.toMatch(/Secure/i);

    const trpcOk = await secure.session.fetch(`/api/trpc/account.whoAmI`);
    const trpcError = await fetch(`${app.url}/api/trpc/account.me`);
    const exportError = await fetch(`${app.url}/api/export/decision-log`);
    const exportOk = await exportAs(app, { authorization: basic((await user()).email, PASSWORD), "x-forwarded-for": newAddress() });
    expect([trpcOk, trpcError, exportError, exportOk].map((r) => [r.status, r.headers.get("cache-control")])).toEqual([
      [200, "no-store"],
      [401, "no-store"],
      [401, "no-store"],
      [200, "no-store"],
    ]);
  });

  it("caps a tRPC batch at 10 procedures", async () => {
    const session = await signedIn(app, (await user()).email);
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "account.whoAmI").join(",");
      const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]))));
      return session.fetch(`/api/trpc/${paths}?batch=1&input=${input}`);
    };
    expect((await batch(10)).status).toBe(200);
    const refused = await batch(150);
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body.length).toBeLessThan(2_000);
    expect(body).toMatch(/Batch call exceeds maximum size/);
  });

  it("refuses a cross-site cookie export, writing nothing in the victim's name; a same-site one runs", async () => {
    const victim = await user();
    const session = await signedIn(app, victim.email);
    const cookie = session.cookieHeader();
    const before = await auditCount({ action: "DECISION_LOG_EXPORTED", actorId: victim.id });
    const crossSite = await exportAs(app, { cookie, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" });
    expect(crossSite.status).toBe(403);
    const oldBrowser = await exportAs(app, { cookie, referer: "https://evil.example/page" });
    expect(oldBrowser.status).toBe(403);
    expect(await auditCount({ action: "DECISION_LOG_EXPORTED", actorId: victim.id })).toBe(before);
    const sameSite = await exportAs(app, { cookie, "sec-fetch-site": "same-origin" });
    expect(sameSite.status).toBe(200);
    const typed = await exportAs(app, { cookie, "sec-fetch-site": "none" });
    expect(typed.status).toBe(200);
  });

  it("answers 404 — not a 200 not-found page — for every missing or forbidden page of the matrix", async () => {
    const { upsertTeam } = await import("~/features/account/service");
    const key = randomBytes(4).toString("hex");
    const team = await upsertTeam({ name: `Matrix ${key}`, slug: `matrix-${key}`, description: "" });
    const people = {
      member: await user("MEMBER", [team.slug]),
      outsider: await user("MEMBER", []),
      reviewer: await user("REVIEWER", []),
      admin: await user("ADMIN", []),
    };
    const sessions = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, u]) => [k, await signedIn(app, u.email)] as const)));
    const member = sessions.member!;
    const { id } = await member.mutation<{ id: string }>("useCase.create", { teamId: team.id, title: "Matrix", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    await member.mutation("useCase.submit", { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers });

    const pages = ["/", "/account", "/use-cases", "/use-cases/new", "/decision-log", "/inbox", "/review", "/admin", "/admin/audit"];
    const own = [`/use-cases/${id}`, `/use-cases/${id}/details`, `/use-cases/${id}/edit`, `/use-cases/${id}/compare`, `/use-cases/${id}/versions/1`];
    const missing = ["/use-cases/no-such-id", "/use-cases/no-such-id/details", "/use-cases/no-such-id/edit", `/use-cases/${id}/versions/99`, `/use-cases/${id}/versions/x`];
    const expected: Record<string, Record<string, number>> = {};
    for (const who of Object.keys(people)) {
      expected[who] = {};
      for (const p of pages) expected[who][p] = 200;
      for (const p of own) expected[who][p] = who === "outsider" ? 404 : 200;
      for (const p of missing) expected[who][p] = 404;
    }
    for (const who of ["member", "outsider"]) expected[who]!["/review"] = 404;
    for (const who of ["member", "outsider", "reviewer"]) {
      expected[who]!["/admin"] = 404;
      expected[who]!["/admin/audit"] = 404;
    }
    // Submitted answers are not editable, so the questionnaire sends everyone back to the
    // overview; only the team edits the details.
    for (const who of ["member", "reviewer", "admin"]) {
      expected[who]![`/use-cases/${id}/edit`] = 307;
      expected[who]![`/use-cases/${id}/details`] = who === "member" ? 200 : 307;
    }
    const actual: Record<string, Record<string, number>> = {};
    for (const [who, session] of Object.entries(sessions)) {
      actual[who] = {};
      for (const p of [...pages, ...own, ...missing]) {
        const response = await session.fetch(p);
        await response.arrayBuffer();
        actual[who][p] = response.status;
      }
    }
    expect(actual).toEqual(expected);
  });

  it("does not let a forged X-Forwarded-For escape the per-address limit when no proxy is trusted", async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      const forged = { authorization: basic(`nobody-${i}@sign-in.test`, "guess"), "x-forwarded-for": `192.0.2.${i}` };
      statuses.push((await exportAs(direct, forged)).status);
    }
    // 127.0.0.1 has 30 free failures in all (the burst of guesses above used 16 of them). Last
    // in this file: 127.0.0.1 stays locked on `direct` afterwards.
    expect(statuses.at(-1)).toBe(429);
    expect(await auditCount({ action: "CLIENT_ADDRESS_LOCKED", entityId: "127.0.0.1" })).toBe(1);
  });
});
