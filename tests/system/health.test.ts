/**
 * Health for operators: /api/health is liveness (no database), /api/ready is 200 only when the
 * database answers and every migration is applied. A database that is down answers 503 with
 * Retry-After through tRPC too, without driver text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../scripts/db/migrations";
import { createFreshDatabase, freePort, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { startApp, type RunningApp } from "./support/app";
import { HttpSession } from "./support/http";

const server = await resolveServerUrl();
const started: RunningApp[] = [];
const databases: FreshDatabase[] = [];

async function ready(app: RunningApp) {
  const response = await fetch(`${app.url}/api/ready`);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!server)("health and readiness", () => {
  let migrated: FreshDatabase;
  beforeAll(async () => {
    migrated = await createFreshDatabase("servewise_health", server);
    databases.push(migrated);
    await applyMigrations(migrated.url);
  });
  afterAll(async () => {
    await Promise.all(started.map((a) => a.stop()));
    await Promise.all(databases.map((d) => d.drop()));
  });

  it("is live and ready on a migrated database", async () => {
    const app = await startApp({ databaseUrl: migrated.url });
    started.push(app);
    // A malformed percent-escape in the path is the client's mistake, not a server error.
    for (const path of ["/api/trpc/%", "/api/trpc/useCases.list%zz", "/use-cases/%E0%A4%A"]) {
      const bad = await fetch(`${app.url}${path}`);
      expect(bad.status, path).toBe(400);
      expect(await bad.json(), path).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringContaining("malformed percent-escape") } });
    }
    const live = await fetch(`${app.url}/api/health`);
    expect(live.status).toBe(200);
    expect(live.headers.get("cache-control")).toBe("no-store");
    expect(await live.json()).toEqual({ status: "ok" });
    const expected = readMigrations().length;
    expect(await ready(app)).toEqual({
      status: 200,
      retryAfter: null,
      body: { ready: true, database: "up", migrations: { expected, applied: expected, pending: [] } },
    });
  });

  it("is live but not ready while migrations are pending", async () => {
    const empty = await createFreshDatabase("servewise_health_empty", server);
    databases.push(empty);
    const app = await startApp({ databaseUrl: empty.url });
    started.push(app);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    const answer = await ready(app);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe("5");
    expect(answer.body).toMatchObject({ ready: false, database: "up", migrations: { applied: 0, pending: readMigrations().map((m) => m.name) } });
    // Migrating makes it ready without a restart.
    await applyMigrations(empty.url);
    expect((await ready(app)).status).toBe(200);
  });

  it("is live but not ready when the database is down, and tRPC answers 503 without driver text", async () => {
    const healthy = started[0]!;
    const port = await freePort();
    const down = await startApp({ databaseUrl: `postgresql://servewise:secret@127.0.0.1:${port}/servewise` });
    started.push(down);
    expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    const t = performance.now();
    const answer = await ready(down);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(answer).toMatchObject({ status: 503, body: { ready: false, database: "down" } });

    // A signed-in user's request (the session comes from the healthy process: same secret).
    process.env.DATABASE_URL = migrated.url;
    const { upsertUser } = await import("~/features/account/service");
    await upsertUser({ email: "health@example.test", name: "Health", role: "MEMBER", active: true, password: "health-password", teamSlugs: [] }, { bcryptRounds: 4 });
    const session = await new HttpSession(healthy.url).signIn("health@example.test", "health-password");
    const response = await fetch(`${down.url}/api/trpc/useCase.listMine?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie: session.cookieHeader() },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const text = await response.text();
    expect(text).toMatch(/busy right now/);
    expect(text).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|ECONNREFUSED|reach database|Prisma`, "i"));
    const { db } = await import("~/server/db");
    await db.$disconnect();
  });
});
