import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "../../scripts/db/server";

const run = promisify(execFile);

/** `npm run audit:verify` against a database of its own, seeded through the services. */
async function verify(url: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

async function sql(url: string, ...statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

describe("npm run audit:verify", () => {
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await createFreshDatabase("servewise_verify", inject("databaseServerUrl") || null);
    await database.migrate();
    await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "development", BCRYPT_ROUNDS: "4" },
    });
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("prints OK with the event count and head hash on an intact trail", async () => {
    const result = await verify(database.url);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK \d+ events, head [0-9a-f]{64}$/m);
  });

  it("fails at the sequence number of a row edited with the trigger disabled (as a superuser could)", async () => {
    await sql(
      database.adminUrl,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`,
      `UPDATE "AuditEvent" SET payload = jsonb_set(payload, '{recommended}', '"batch"') WHERE seq = (SELECT min(seq) FROM "AuditEvent" WHERE action = 'DECISION_SUBMITTED')`,
      `ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`,
    );
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT min(seq)::text AS seq FROM "AuditEvent" WHERE action = 'DECISION_SUBMITTED'`);
    await client.end();
    const result = await verify(database.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`BROKEN at sequence ${rows[0].seq}: edited`);
  });

  it("reports a deleted event as missing", async () => {
    await sql(database.adminUrl, `ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`, `DELETE FROM "AuditEvent" WHERE seq = 1`, `ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    const result = await verify(database.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("BROKEN at sequence 1: missing");
  });
});
