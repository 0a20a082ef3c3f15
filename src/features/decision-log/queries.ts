import "server-only";
import { Transform, type Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import QueryStream from "pg-query-stream";
import type { Actor } from "~/server/actor";
import { hasRole } from "~/lib/roles";
import { getPool } from "~/server/db";
import { ValidationError } from "~/server/errors";
import { decodeLogCursor, encodeLogCursor, INVALID_CURSOR_MESSAGE } from "./cursor";
import { createCrlfRecordTerminator, EXPORT_COLUMNS, jsonRecord, type DecisionLogRow } from "./format";
import { decisionLogPageSchema, type DecisionLogFilter, type DecisionLogPageInput, type DecisionLogSort, type ExportFormat } from "./schema";

/**
 * The decision log is read with SQL (through the shared pg pool) so that the page, its
 * keyset pagination and the streamed exports use one WHERE clause: an export holds exactly
 * what the filters show, and only what the viewer may see.
 */
const SORT_SQL: Record<DecisionLogSort, { expr: string; cast: string }> = {
  submittedAt: { expr: `dv."submittedAt"`, cast: "timestamptz" },
  reviewedAt: { expr: `COALESCE(dv."reviewedAt", 'epoch'::timestamptz)`, cast: "timestamptz" },
  confidence: { expr: `dv.confidence`, cast: "float8" },
  monthlyCostUsd: { expr: `COALESCE(dv."monthlyCostUsd", -1)`, cast: "float8" },
  title: { expr: `uc.title`, cast: "text" },
  team: { expr: `t.name`, cast: "text" },
};

const SELECT = `
SELECT dv.id, dv."useCaseId", uc.title, t.name AS team, dv.number, dv.status::text AS status, dv.recommended,
       dv."approvedStrategy", dv."isOverride", dv.confidence, dv."monthlyCostUsd", su.name AS submitter,
       ru.name AS reviewer, dv."submittedAt", dv."reviewedAt", dv."engineVersion", uc.tags`;
const FROM = `
FROM "DecisionVersion" dv
JOIN "UseCase" uc ON uc.id = dv."useCaseId"
JOIN "Team" t ON t.id = uc."teamId"
JOIN "User" su ON su.id = dv."submittedById"
LEFT JOIN "User" ru ON ru.id = dv."reviewedById"`;

class Sql {
  params: unknown[] = [];
  clauses: string[] = [];
  add(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

function whereFor(actor: Actor, filter: DecisionLogFilter, sql: Sql) {
  if (!hasRole(actor.role, "REVIEWER")) {
    sql.clauses.push(`uc."teamId" IN (SELECT "teamId" FROM "TeamMembership" WHERE "userId" = ${sql.add(actor.id)})`);
  }
  if (filter.teamId) sql.clauses.push(`uc."teamId" = ${sql.add(filter.teamId)}`);
  if (filter.status) sql.clauses.push(`dv.status = ${sql.add(filter.status)}::"DecisionStatus"`);
  if (filter.strategy) {
    const p = sql.add(filter.strategy);
    sql.clauses.push(`(dv.recommended = ${p} OR dv."approvedStrategy" = ${p})`);
  }
  if (filter.override) sql.clauses.push(`dv."isOverride" = ${sql.add(filter.override === "yes")}`);
  if (filter.from) sql.clauses.push(`dv."submittedAt" >= ${sql.add(`${filter.from}T00:00:00Z`)}::timestamptz`);
  if (filter.to) sql.clauses.push(`dv."submittedAt" < (${sql.add(`${filter.to}T00:00:00Z`)}::timestamptz + interval '1 day')`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    sql.clauses.push(`(uc.title ILIKE ${sql.add(like)} OR ${sql.add(filter.q.toLowerCase())} = ANY(uc.tags))`);
  }
}

interface RawRow extends Omit<DecisionLogRow, "confidence" | "monthlyCostUsd"> {
  confidence: number | string;
  monthlyCostUsd: number | string | null;
}

function toRow(raw: RawRow): DecisionLogRow {
  return { ...raw, confidence: Number(raw.confidence), monthlyCostUsd: raw.monthlyCostUsd === null ? null : Number(raw.monthlyCostUsd) };
}

const SORT_VALUE: Record<DecisionLogSort, (r: DecisionLogRow) => Date | number | string> = {
  submittedAt: (r) => r.submittedAt,
  reviewedAt: (r) => r.reviewedAt ?? new Date(0),
  confidence: (r) => r.confidence,
  monthlyCostUsd: (r) => r.monthlyCostUsd ?? -1,
  title: (r) => r.title,
  team: (r) => r.team,
};

/** One page of the log, keyset-paginated on (sort column, id): fast at any depth. */
export async function listDecisionLog(actor: Actor, input: DecisionLogPageInput) {
  const { filter, sort, dir, cursor, limit } = decisionLogPageSchema.parse(input);
  const sql = new Sql();
  whereFor(actor, filter, sql);
  const key = SORT_SQL[sort];
  if (cursor) {
    const decoded = decodeLogCursor(cursor, sort);
    if (!decoded) throw new ValidationError(INVALID_CURSOR_MESSAGE, { cursor: [INVALID_CURSOR_MESSAGE] });
    const [value, id] = decoded;
    sql.clauses.push(`(${key.expr}, dv.id) ${dir === "asc" ? ">" : "<"} (${sql.add(value)}::${key.cast}, ${sql.add(id)})`);
  }
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  const text = `${SELECT} ${FROM} ${where} ORDER BY ${key.expr} ${dir}, dv.id ${dir} LIMIT ${sql.add(limit + 1)}`;
  const { rows } = await getPool().query<RawRow>(text, sql.params);
  const page = rows.slice(0, limit).map(toRow);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeLogCursor(SORT_VALUE[sort](last), last.id) : null,
  };
}

export async function countDecisionLog(actor: Actor, filter: DecisionLogFilter): Promise<number> {
  const sql = new Sql();
  whereFor(actor, filter, sql);
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  const { rows } = await getPool().query<{ n: string }>(`SELECT count(*) AS n ${FROM} ${where}`, sql.params);
  return Number(rows[0]?.n ?? 0);
}

/** The export's SQL for a filter (the benchmark runs the very same statement through `psql \copy`). */
export function exportSql(actor: Actor, filter: DecisionLogFilter): { text: string; params: unknown[] } {
  const sql = new Sql();
  whereFor(actor, filter, sql);
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  return { text: `${SELECT} ${FROM} ${where} ORDER BY dv."submittedAt" DESC, dv.id DESC`, params: sql.params };
}

/** A text column as CSV-safe SQL: leading =, +, -, @, tab or CR gets a quote (like neutralizeFormula). */
const safe = (expr: string) => `CASE WHEN ${expr} ~ E'^[=+@\\t\\r-]' THEN '''' || ${expr} ELSE ${expr} END`;
const isoUtc = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The export columns, in EXPORT_COLUMNS order, computed by PostgreSQL. */
const CSV_SELECT: Record<string, string> = {
  use_case: safe("uc.title"),
  team: safe("t.name"),
  version: "dv.number",
  status: "dv.status::text",
  recommended_strategy: "dv.recommended",
  approved_strategy: `dv."approvedStrategy"`,
  override: `CASE WHEN dv."isOverride" THEN 'yes' ELSE 'no' END`,
  confidence: "dv.confidence",
  monthly_cost_usd: `dv."monthlyCostUsd"`,
  submitted_by: safe("su.name"),
  reviewed_by: safe("ru.name"),
  submitted_at: isoUtc(`dv."submittedAt"`),
  reviewed_at: isoUtc(`dv."reviewedAt"`),
  engine_version: `dv."engineVersion"`,
  tags: safe("array_to_string(uc.tags, ' ')"),
  decision_id: "dv.id",
  use_case_id: `dv."useCaseId"`,
};

/**
 * Streams every row the filters show, with constant memory whatever the size:
 * - CSV: PostgreSQL's own RFC 4180 writer (`COPY ... TO STDOUT WITH (FORMAT csv, HEADER)`),
 *   the formula neutralisation done in the SELECT; near `psql \copy` speed.
 * - JSON Lines: a server-side cursor (pg-query-stream), one JSON object per line.
 * Both run in one REPEATABLE READ transaction with the row count, so `onDone` gets the
 * exact number of rows written.
 */
export async function streamDecisionLog(
  actor: Actor,
  filter: DecisionLogFilter,
  format: ExportFormat,
  onDone: (rows: number) => Promise<void>,
): Promise<Readable> {
  const sql = new Sql();
  whereFor(actor, filter, sql);
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  const client = await getPool().connect();
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    rows = Number((await client.query<{ n: string }>(`SELECT count(*) AS n ${FROM} ${where}`, sql.params)).rows[0]?.n ?? 0);
  } catch (error) {
    release(error as Error);
    throw error;
  }
  const finish = async () => {
    await client.query("COMMIT").catch(() => {});
    release();
    await onDone(rows);
  };
  const abort = () => {
    void client.query("ROLLBACK").catch(() => {}).finally(() => release());
  };
  const order = `ORDER BY dv."submittedAt" DESC, dv.id DESC`;
  let out: Readable;
  if (format === "csv") {
    // COPY takes no bind parameters: inline them as escaped literals.
    const inlined = where.replace(/\$(\d+)/g, (_m, n: string) => {
      const value = sql.params[Number(n) - 1];
      return typeof value === "boolean" || typeof value === "number" ? String(value) : client.escapeLiteral(String(value));
    });
    const columns = EXPORT_COLUMNS.map((c) => `${CSV_SELECT[c.header]} AS "${c.header}"`).join(", ");
    const copy = client.query(copyTo(`COPY (SELECT ${columns} ${FROM} ${inlined} ${order}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    const terminate = createCrlfRecordTerminator();
    const crlf = new Transform({ transform: (chunk: Buffer, _e, done) => done(null, terminate(chunk)) });
    copy.on("error", (error: Error) => crlf.destroy(error));
    crlf.on("close", () => copy.destroy());
    out = copy.pipe(crlf);
  } else {
    const source = client.query(new QueryStream(`${SELECT} ${FROM} ${where} ${order}`, sql.params, { batchSize: 2000 }));
    const lines = new Transform({
      writableObjectMode: true,
      transform(raw: RawRow, _enc, done) {
        done(null, `${JSON.stringify(jsonRecord(toRow(raw)))}\n`);
      },
    });
    source.on("error", (error: Error) => lines.destroy(error));
    lines.on("close", () => source.destroy());
    out = source.pipe(lines);
  }
  let ended = false;
  out.on("end", () => {
    ended = true;
    void finish();
  });
  out.on("error", () => abort());
  out.on("close", () => {
    if (!ended) abort();
  });
  return out;
}
