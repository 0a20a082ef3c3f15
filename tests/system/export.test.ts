/**
 * The streamed exports through the production server (`next start`), as a script or a browser
 * uses them: a client that disconnects mid-download leaves no connection busy or idle in a
 * transaction, a 200-character x-request-id is recorded as a server id before any byte, and the
 * server logs no unhandled rejection.
 */
import { hashSync } from "@node-rs/bcrypt";
import { request } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, resolveServerUrl, type FreshDatabase } from "../../scripts/db/server";
import { insertSyntheticDecisions } from "../../scripts/db/synthetic";
import { startApp, type RunningApp } from "./support/app";

const server = await resolveServerUrl();
const EMAIL = "exporter@example.test";
const PASSWORD = "exporter-password";
const AUTH = `Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString("base64")}`;

describe.skipIf(!server)("exports through HTTP", () => {
  let database: FreshDatabase;
  let app: RunningApp;
  let sql: pg.Pool;

  /** Sessions of the app's database (not ours) that are running a statement or idle in a transaction. */
  async function busySessions(): Promise<string[]> {
    const { rows } = await sql.query<{ state: string; query: string }>(
      `SELECT state, left(query, 60) AS query FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
          AND application_name NOT LIKE 'servewise-test%' AND state <> 'idle'`,
    );
    return rows.map((r) => `${r.state}: ${r.query}`);
  }

  beforeAll(async () => {
    database = await createFreshDatabase("servewise_export_http", server);
    await database.migrate();
    sql = new pg.Pool({ connectionString: database.url, max: 2, application_name: "servewise-test" });
    await sql.query(`INSERT INTO "Team" (id, name, slug) VALUES ('export-team', 'Export', 'export')`);
    await sql.query(`INSERT INTO "User" (id, name, email, role, "passwordHash", "updatedAt") VALUES ('exporter', 'Exporter', $1, 'REVIEWER', $2, now())`, [
      EMAIL,
      hashSync(PASSWORD, 4),
    ]);
    const client = await sql.connect();
    try {
      await insertSyntheticDecisions(client, { teamId: "export-team", userId: "exporter", reviewerId: "exporter", count: 60_000, titlePrefix: "Http" });
    } finally {
      client.release();
    }
    app = await startApp({ databaseUrl: database.url });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await sql?.end();
    await database?.drop();
  });

  it.each(["csv", "jsonl"])("%s: a client that disconnects after the first bytes leaves nothing busy on the server", async (format) => {
    await expect.poll(busySessions).toEqual([]);
    const firstBytes = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/api/export/decision-log?format=${format}`, { headers: { authorization: AUTH } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${app.output()}`));
        res.once("data", (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on("error", () => {});
      req.end();
    });
    expect(firstBytes).toBeGreaterThan(0);
    await expect.poll(busySessions, { timeout: 15_000 }).toEqual([]);
    // The server still exports, whole.
    const whole = await fetch(`${app.url}/api/export/decision-log?format=${format}&status=APPROVED`, { headers: { authorization: AUTH } });
    const lines = (await whole.text()).split("\n").filter(Boolean).length;
    expect(lines - (format === "csv" ? 1 : 0)).toBe(Number(whole.headers.get("x-row-count")));
  });

  it("records an export with a 200-character x-request-id under a server id, before the first byte", async () => {
    const response = await fetch(`${app.url}/api/export/decision-log?format=jsonl&status=REJECTED`, { headers: { authorization: AUTH, "x-request-id": "r".repeat(200) } });
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const { rows } = await sql.query<{ payload: { rows: number } }>(`SELECT payload FROM "AuditEvent" WHERE "requestId" = $1 AND action = 'DECISION_LOG_EXPORTED'`, [requestId]);
    expect(rows).toEqual([{ payload: { format: "jsonl", filter: { status: "REJECTED" }, rows: Number(response.headers.get("x-row-count")) } }]);
    expect((await response.text()).split("\n").filter(Boolean)).toHaveLength(rows[0]!.payload.rows);
    expect(app.output()).not.toMatch(/unhandled|P2000|value too long/i);
  });
});
