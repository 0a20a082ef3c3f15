import "server-only";
import { Transform, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import QueryStream from "pg-query-stream";
import type { Actor } from "~/features/account/queries";
import { hasRole } from "~/lib/roles";
import { getPool } from "~/server/db";
import { ValidationError } from "~/server/errors";
import { csvCells, EXPORT_COLUMNS, jsonRecord, type DecisionLogRow } from "./format";
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

function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString("base64url");
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string") return [parsed[0], parsed[1]];
  } catch {}
  throw new ValidationError("That page link is no longer valid. Start from the first page.", { cursor: ["Invalid cursor."] });
}

const SORT_VALUE: Record<DecisionLogSort, (r: DecisionLogRow) => unknown> = {
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
    const [value, id] = decodeCursor(cursor);
    sql.clauses.push(`(${key.expr}, dv.id) ${dir === "asc" ? ">" : "<"} (${sql.add(value)}::${key.cast}, ${sql.add(id)})`);
  }
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  const text = `${SELECT} ${FROM} ${where} ORDER BY ${key.expr} ${dir}, dv.id ${dir} LIMIT ${sql.add(limit + 1)}`;
  const { rows } = await getPool().query<RawRow>(text, sql.params);
  const page = rows.slice(0, limit).map(toRow);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(SORT_VALUE[sort](last), last.id) : null,
  };
}

export async function countDecisionLog(actor: Actor, filter: DecisionLogFilter): Promise<number> {
  const sql = new Sql();
  whereFor(actor, filter, sql);
  const where = sql.clauses.length ? `WHERE ${sql.clauses.join(" AND ")}` : "";
  const { rows } = await getPool().query<{ n: string }>(`SELECT count(*) AS n ${FROM} ${where}`, sql.params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Streams every row the filters show, through a server-side cursor (constant memory), as
 * CSV (RFC 4180, UTF-8, header row, formulas neutralised) or JSON Lines. `onDone` receives
 * the row count when the stream has been fully read.
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
  const source = client.query(new QueryStream(`${SELECT} ${FROM} ${where} ORDER BY dv."submittedAt" DESC, dv.id DESC`, sql.params, { batchSize: 1000 }));
  let count = 0;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  const toRecord = new Transform({
    objectMode: true,
    transform(raw: RawRow, _enc, done) {
      count++;
      const row = toRow(raw);
      done(null, format === "csv" ? csvCells(row) : `${JSON.stringify(jsonRecord(row))}\n`);
    },
  });
  const encoder =
    format === "csv"
      ? stringify({ header: true, columns: EXPORT_COLUMNS.map((c) => c.header), record_delimiter: "\r\n", quoted_match: /[\r\n",]/ })
      : new Transform({ writableObjectMode: true, transform: (line: string, _e, done) => done(null, line) });
  source.on("error", (error: Error) => {
    release(error);
    encoder.destroy(error);
  });
  let finished = false;
  encoder.on("end", () => {
    finished = true;
    release();
    void onDone(count);
  });
  // The reader went away (e.g. the browser cancelled): stop the cursor, free the connection.
  encoder.on("close", () => {
    if (!finished) source.destroy();
    release();
  });
  source.pipe(toRecord).pipe(encoder);
  return encoder;
}
