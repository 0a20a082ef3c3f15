/**
 * The shared streaming export (src/server/export) through both endpoints: the audit event is
 * committed before the first byte, the rows and X-Row-Count come from one snapshot, a failed
 * audit write sends nothing, and a client that goes away gives its connection back.
 */
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportAuditLog } from "~/app/api/export/audit-log/route";
import { GET as exportDecisionLog } from "~/app/api/export/decision-log/route";
import { exportDecisionLog as exportDecisionLogService } from "~/features/decision-log/service";
import { NUL_MESSAGE } from "~/lib/plain-text";
import { findUserByEmail } from "~/server/auth/identity";
import { db, getPool } from "~/server/db";
import { ExportNotRecordedError } from "~/server/export/stream";
import { insertSyntheticDecisions } from "../../scripts/db/synthetic";
import { asRole, makeTeam, makeUser, uniqueSuffix } from "./helpers";

const PASSWORD = "export-stream-pass";
const ROWS = 6000;

type User = Awaited<ReturnType<typeof makeUser>>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let member: User;
let admin: User;

function basic(user: User) {
  return { authorization: `Basic ${Buffer.from(`${user.email}:${PASSWORD}`).toString("base64")}` };
}

async function addDecisions(count: number) {
  await asRole("owner", (client) =>
    insertSyntheticDecisions(client, { teamId: team.id, userId: member.id, reviewerId: admin.id, count, titlePrefix: `Stream${uniqueSuffix()}` }),
  );
}

function decisionLog(query: string, headers: Record<string, string> = {}) {
  return exportDecisionLog(new Request(`http://x/api/export/decision-log?${query}&teamId=${team.id}`, { headers: { ...basic(member), ...headers } }));
}

/** Reads a body to its end, as bytes; `afterFirst` runs once the first chunk has arrived. */
async function readBody(response: Response, afterFirst?: () => Promise<void>): Promise<Buffer> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
    if (first && afterFirst) await afterFirst();
    first = false;
  }
}

type Format = "csv" | "jsonl" | "xlsx";
const FORMATS: Format[] = ["csv", "jsonl", "xlsx"];

/** The data rows of an export's body (the .xlsx read back by exceljs: its sheet's rows less the header). */
async function records(format: Format, body: Buffer | string): Promise<number> {
  if (format === "xlsx") {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
    return book.worksheets[0]!.actualRowCount - 1;
  }
  const text = Buffer.from(body).toString("utf8");
  return format === "csv" ? (parse(text, { columns: true, bom: true }) as unknown[]).length : text.split("\n").filter(Boolean).length;
}

async function lastExportEvent(actorId: string, action = "DECISION_LOG_EXPORTED") {
  return db.auditEvent.findFirst({ where: { action, actorId }, orderBy: { seq: "desc" } });
}

/** The pool's connections in use, and this database's other sessions running or idle in a transaction. */
async function connectionState() {
  const pool = getPool();
  const { rows } = await pool.query<{ active: string; idle_in_transaction: string }>(
    `SELECT count(*) FILTER (WHERE state = 'active') AS active, count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS idle_in_transaction
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return { inUse: pool.totalCount - pool.idleCount, active: Number(rows[0]!.active), idleInTransaction: Number(rows[0]!.idle_in_transaction) };
}

beforeAll(async () => {
  team = await makeTeam("Stream");
  member = await makeUser({ password: PASSWORD, teamSlugs: [team.slug] });
  admin = await makeUser({ role: "ADMIN", password: PASSWORD });
  await addDecisions(ROWS);
});

afterAll(async () => {
  await asRole("admin", (client) => client.query(`DROP TRIGGER IF EXISTS refuse_exports ON "AuditEvent"; DROP FUNCTION IF EXISTS refuse_exports()`));
});

describe("streaming exports", () => {
  it.each(FORMATS)(
    "%s: a 200-character x-request-id streams, and the export is on the record before its first byte is read",
    async (format) => {
      const before = await lastExportEvent(member.id);
      const response = await decisionLog(`format=${format}`, { "x-request-id": "r".repeat(200) });
      expect(response.status).toBe(200);
      const rowCount = Number(response.headers.get("x-row-count"));
      expect(rowCount).toBe(ROWS);
      let event: Awaited<ReturnType<typeof lastExportEvent>> = null;
      const text = await readBody(response, async () => {
        event = await lastExportEvent(member.id);
      });
      expect(event).not.toBeNull();
      expect(event!.seq).toBeGreaterThan(before?.seq ?? 0n);
      expect(event!.payload).toEqual({ format, filter: { teamId: team.id }, rows: ROWS });
      // The client's id was not short and plain: the server made one, and says which.
      expect(event!.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("x-request-id")).toBe(event!.requestId);
      expect(await records(format, text)).toBe(ROWS);
    },
    120_000,
  );

  it("keeps a short, plain x-request-id", async () => {
    const requestId = `export-${uniqueSuffix()}`;
    const response = await decisionLog("format=jsonl&status=APPROVED", { "x-request-id": requestId });
    await response.text();
    expect((await lastExportEvent(member.id))!.requestId).toBe(requestId);
  });

  it.each(FORMATS)("%s: X-Row-Count, the audited count and the rows are one snapshot while rows are inserted during the stream", async (format) => {
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*) AS n FROM "DecisionVersion" dv JOIN "UseCase" uc ON uc.id = dv."useCaseId" WHERE uc."teamId" = $1`, [team.id]);
    const expected = Number(rows[0]!.n);
    const response = await decisionLog(`format=${format}`);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("x-row-count"))).toBe(expected);
    // Inserts commit after the snapshot (the response is open) and while its rows are read.
    const inserting = addDecisions(500);
    const text = await readBody(response, async () => {
      await addDecisions(300);
    });
    await inserting;
    expect(await records(format, text)).toBe(expected);
    expect((await lastExportEvent(member.id))!.payload).toMatchObject({ rows: expected });
    // The next export sees them.
    const next = await decisionLog(`format=${format}`);
    expect(Number(next.headers.get("x-row-count"))).toBe(expected + 800);
    expect(await records(format, Buffer.from(await next.arrayBuffer()))).toBe(expected + 800);
  }, 120_000);

  it("exports the audit trail in one snapshot too: its own event is not in it, and the count matches", async () => {
    const response = await exportAuditLog(new Request("http://x/api/export/audit-log?format=csv", { headers: basic(admin) }));
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as { seq: string; action: string; occurred_at: string; payload: string }[];
    expect(rows).toHaveLength(Number(response.headers.get("x-row-count")));
    const event = (await lastExportEvent(admin.id, "AUDIT_LOG_EXPORTED"))!;
    expect(rows.at(-1)!.seq).toBe(String(event.seq - 1n));
    expect(event.payload).toEqual({ format: "csv", filter: {}, rows: rows.length });
    expect(rows.at(-1)!.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(() => JSON.parse(rows.at(-1)!.payload) as unknown).not.toThrow();
  });

  it("sends no data when the audit event cannot be written: a 500 that says so, without database text", async () => {
    // The app role may not create triggers: the superuser does.
    await asRole("admin", (client) => client.query(`
      CREATE OR REPLACE FUNCTION refuse_exports() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test trigger'; END $$;
      CREATE TRIGGER refuse_exports BEFORE INSERT ON "AuditEvent" FOR EACH ROW
        WHEN (NEW.action IN ('DECISION_LOG_EXPORTED', 'AUDIT_LOG_EXPORTED')) EXECUTE FUNCTION refuse_exports()`));
    try {
      const baseline = await connectionState();
      const before = await lastExportEvent(member.id);
      for (const format of FORMATS) {
        const response = await decisionLog(`format=${format}`);
        expect(response.status).toBe(500);
        expect(response.headers.get("content-type")).toMatch(/application\/json/);
        expect(response.headers.get("x-row-count")).toBeNull();
        const body = await response.text();
        expect(JSON.parse(body)).toMatchObject({ error: "EXPORT_NOT_RECORDED", message: expect.stringMatching(/audit trail.*nothing was sent/) });
        expect(body).not.toMatch(/refused by the test trigger|P20|violat|postgres|prisma/i);
      }
      const actor = (await findUserByEmail(member.email))!;
      await expect(exportDecisionLogService({ actor, now: new Date(), requestId: randomUUID() }, { filter: {}, format: "csv" })).rejects.toBeInstanceOf(ExportNotRecordedError);
      expect(await lastExportEvent(member.id)).toEqual(before);
      await expect.poll(connectionState).toEqual(baseline);
    } finally {
      await asRole("admin", (client) => client.query(`DROP TRIGGER IF EXISTS refuse_exports ON "AuditEvent"; DROP FUNCTION IF EXISTS refuse_exports()`));
    }
  });

  it.each(FORMATS)("%s: a client that goes away mid-stream gives the connection back, nothing left in a transaction", async (format) => {
    await addDecisions(30_000);
    const baseline = await connectionState();
    expect(baseline).toMatchObject({ active: 0, idleInTransaction: 0 });
    const response = await decisionLog(`format=${format}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect((await connectionState()).inUse).toBe(baseline.inUse + 1);
    await reader.cancel();
    await expect.poll(connectionState, { timeout: 10_000 }).toEqual(baseline);
    // The pool still serves exports.
    const again = await decisionLog(`format=${format}&status=APPROVED`);
    expect(await records(format, Buffer.from(await again.arrayBuffer()))).toBe(Number(again.headers.get("x-row-count")));
  }, 120_000);

  it("opens more exports at once than the pool has connections, without starving it", async () => {
    const size = getPool().options.max ?? 10;
    const exports = await Promise.all(
      // CSV and JSON Lines: the point is the openings (all formats share them); an .xlsx holds its
      // connection longer while it zips, which on a busy machine turns this into a pool-timeout test.
      Array.from({ length: size + 4 }, async (_, i) => {
        const format = i % 2 ? "csv" : "jsonl";
        const response = await decisionLog(`format=${format}&status=REJECTED`);
        return { status: response.status, count: Number(response.headers.get("x-row-count")), rows: await records(format, Buffer.from(await response.arrayBuffer())) };
      }),
    );
    for (const e of exports) expect(e).toEqual({ status: 200, count: e.rows, rows: e.count });
  }, 120_000);

  it("answers bad parameters with field errors and reads nothing", async () => {
    const response = await decisionLog("format=xls&from=2026-02-31");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { format: ["Choose csv, jsonl or xlsx."] } });
    // The audit trail offers no .xlsx; a bom that is neither true nor false is refused.
    const auditXlsx = await exportAuditLog(new Request("http://x/api/export/audit-log?format=xlsx", { headers: basic(admin) }));
    expect(auditXlsx.status).toBe(400);
    expect(await auditXlsx.json()).toMatchObject({ fieldErrors: { format: ["Choose csv or jsonl."] } });
    for (const bom of ["yes", "constructor", "", "FALSE"]) {
      const badBom = await decisionLog(`format=csv&bom=${bom}`);
      expect(badBom.status, bom).toBe(400);
      expect(await badBom.json()).toMatchObject({ fieldErrors: { bom: [expect.stringMatching(/bom=true .* bom=false/)] } });
    }
    const dates = await decisionLog("format=csv&from=2026-02-31&to=2026-13-01");
    expect(dates.status).toBe(400);
    expect(await dates.json()).toMatchObject({ fieldErrors: { from: ["Use a date like 2026-11-28."], to: ["Use a date like 2026-11-28."] } });
    const reversed = await decisionLog("format=csv&from=2026-03-01&to=2026-01-01");
    expect(await reversed.json()).toMatchObject({ fieldErrors: { to: ["The start date must be on or before the end date."] } });
    // A NUL reaches neither SQL nor the audit payload (jsonb cannot hold one).
    const before = await lastExportEvent(member.id);
    const nul = await decisionLog("format=csv&q=pro%00be");
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ fieldErrors: { q: [NUL_MESSAGE] } });
    const audit = await exportAuditLog(new Request("http://x/api/export/audit-log?format=jsonl&actor=%00&entityId=a%00", { headers: basic(admin) }));
    expect(audit.status).toBe(400);
    expect(await audit.json()).toMatchObject({ fieldErrors: { actor: [NUL_MESSAGE], entityId: [NUL_MESSAGE] } });
    expect(await lastExportEvent(member.id)).toEqual(before);
  });
});
