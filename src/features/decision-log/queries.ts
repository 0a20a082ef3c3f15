import "server-only";
import type { Actor } from "~/server/actor";
import { NO_FEASIBLE_SHORT } from "~/engine";
import { hasRole } from "~/lib/roles";
import { getPool } from "~/server/db";
import { ValidationError } from "~/server/errors";
import { refreshReevaluations } from "~/features/decisions/service";
import { decodeLogCursor, encodeLogCursor, INVALID_CURSOR_MESSAGE } from "./cursor";
import { isoUtcSql, neutralizeFormulaSql } from "~/server/export/copy-csv";
import type { ExportPlan } from "~/server/export/stream";
import { containsPattern, SqlWhere } from "~/server/sql";
import { EXPORT_COLUMNS, type DecisionLogRow, type ExportHeader } from "./format";
import { decisionLogPageSchema, type DecisionLogFilter, type DecisionLogPageInput, type DecisionLogSort } from "./schema";

/**
 * The decision log is read with SQL (through the shared pg pool) so that the page, its
 * keyset pagination, the count and the streamed exports use one WHERE clause: an export holds
 * exactly what the filters show, and only what the viewer may see.
 */
/**
 * The monthly cost of the decision on record (decisions/present.ts `costOnRecord`, in SQL): once a
 * version is approved, its approved strategy's estimate from the stored assessment; before, the
 * recommended one's (the stored column). NULL when the engine could not estimate it.
 */
const COST_ON_RECORD = `(CASE WHEN dv.status IN ('APPROVED', 'SUPERSEDED') AND dv."approvedStrategy" IS NOT NULL AND dv."approvedStrategy" IS DISTINCT FROM dv.recommended
  THEN (jsonb_path_query_first(dv.assessment, '$.tradeoffs[*] ? (@.strategy == $s).cost.monthlyUsd', jsonb_build_object('s', dv."approvedStrategy")) #>> '{}')::float8
  ELSE dv."monthlyCostUsd" END)`;

const SORT_SQL: Record<DecisionLogSort, { expr: string; cast: string }> = {
  submittedAt: { expr: `dv."submittedAt"`, cast: "timestamptz" },
  reviewedAt: { expr: `COALESCE(dv."reviewedAt", 'epoch'::timestamptz)`, cast: "timestamptz" },
  confidence: { expr: `dv.confidence`, cast: "float8" },
  monthlyCostUsd: { expr: `COALESCE(${COST_ON_RECORD}, -1)`, cast: "float8" },
  title: { expr: `uc.title`, cast: "text" },
  team: { expr: `t.name`, cast: "text" },
};

const SELECT = `
SELECT dv.id, dv."useCaseId", uc.title, t.name AS team, dv.number, dv.status::text AS status, dv.recommended,
       dv."approvedStrategy", dv."isOverride", dv.confidence, ${COST_ON_RECORD} AS "monthlyCostUsd", su.name AS submitter,
       ru.name AS reviewer, dv."submittedAt", dv."reviewedAt", dv."engineVersion", uc.tags`;
const FROM = `
FROM "DecisionVersion" dv
JOIN "UseCase" uc ON uc.id = dv."useCaseId"
JOIN "Team" t ON t.id = uc."teamId"
JOIN "User" su ON su.id = dv."submittedById"
LEFT JOIN "User" ru ON ru.id = dv."reviewedById"`;
/**
 * What the count needs of FROM: the filters read only dv and uc, and every version has exactly
 * one team and one submitter (foreign keys, NOT NULL), so the other joins cannot change it.
 * (The export checks the rows it streams against this count, and fails rather than lie.)
 */
const COUNT_FROM = `
FROM "DecisionVersion" dv
JOIN "UseCase" uc ON uc.id = dv."useCaseId"`;

/**
 * The one translation of the log's filters (and the viewer's access) into SQL. `reevaluatedWith`:
 * the current re-evaluation key, after `refreshReevaluations` (needed by the `changed` filter).
 */
function whereFor(actor: Actor, filter: DecisionLogFilter, reevaluatedWith: string | null): SqlWhere {
  const sql = new SqlWhere();
  if (!hasRole(actor.role, "REVIEWER")) {
    sql.and(`uc."teamId" IN (SELECT "teamId" FROM "TeamMembership" WHERE "userId" = ${sql.param(actor.id)})`);
  }
  if (filter.teamId) sql.and(`uc."teamId" = ${sql.param(filter.teamId)}`);
  if (filter.status) sql.and(`dv.status = ${sql.param(filter.status)}::"DecisionStatus"`);
  if (filter.strategy) {
    const p = sql.param(filter.strategy);
    sql.and(`(dv.recommended = ${p} OR dv."approvedStrategy" = ${p})`);
  }
  if (filter.override) sql.and(`dv."isOverride" = ${sql.param(filter.override === "yes")}`);
  if (filter.changed) {
    // An indexed condition on the re-evaluation cache, refreshed for the current key just before.
    if (reevaluatedWith === null) throw new Error("The changed filter needs the current re-evaluation key");
    const wouldChange = `(dv."wouldChange" AND dv."reevaluatedWith" = ${sql.param(reevaluatedWith)})`;
    sql.and(filter.changed === "yes" ? wouldChange : `NOT ${wouldChange}`);
  }
  sql.dateRange(`dv."submittedAt"`, filter);
  if (filter.q) sql.and(`(uc.title ILIKE ${sql.param(containsPattern(filter.q))} OR ${sql.param(filter.q.toLowerCase())} = ANY(uc.tags))`);
  return sql;
}

/** The current re-evaluation key, with the cache refreshed, when the filter reads it; else null (no work). */
export async function reevaluationKeyFor(filter: Pick<DecisionLogFilter, "changed">): Promise<string | null> {
  return filter.changed ? refreshReevaluations() : null;
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

/**
 * One page of the log, keyset-paginated on (sort column, id): fast at any depth. `cursor` asks
 * for the page after a row, `before` for the page before one (read backwards, shown in the
 * sort's order); `nextCursor` / `prevCursor` say where the neighbouring pages are (null: none).
 */
export async function listDecisionLog(actor: Actor, input: DecisionLogPageInput) {
  const { filter, sort, dir, cursor, before, limit } = decisionLogPageSchema.parse(input);
  const reevaluatedWith = await reevaluationKeyFor(filter);
  const key = SORT_SQL[sort];
  const backwards = Boolean(before);
  const beyond = (sql: SqlWhere, anchor: string, forward: boolean) => {
    const decoded = decodeLogCursor(anchor, sort);
    if (!decoded) throw new ValidationError(INVALID_CURSOR_MESSAGE, { [backwards ? "before" : "cursor"]: [INVALID_CURSOR_MESSAGE] });
    const [value, id] = decoded;
    const after = (dir === "asc") === forward;
    sql.and(`(${key.expr}, dv.id) ${after ? ">" : "<"} (${sql.param(value)}::${key.cast}, ${sql.param(id)})`);
  };
  const sql = whereFor(actor, filter, reevaluatedWith);
  if (cursor) beyond(sql, cursor, true);
  if (before) beyond(sql, before, false);
  const order = backwards ? (dir === "asc" ? "desc" : "asc") : dir;
  const { text, values } = sql.query((where) => `${SELECT} ${FROM} ${where} ORDER BY ${key.expr} ${order}, dv.id ${order} LIMIT ${sql.param(limit + 1)}`);
  const { rows } = await getPool().query<RawRow>(text, values);
  const more = rows.length > limit;
  const page = (backwards ? rows.slice(0, limit).reverse() : rows.slice(0, limit)).map(toRow);
  const first = page[0];
  const last = page.at(-1);
  const cursorOf = (row: DecisionLogRow) => encodeLogCursor(SORT_VALUE[sort](row), row.id);
  // The limit+1 row answers "is there more" in the direction read; the other way is one probe.
  const anyBeyond = async (row: DecisionLogRow, forward: boolean) => {
    const probe = whereFor(actor, filter, reevaluatedWith);
    beyond(probe, cursorOf(row), forward);
    const q = probe.query((where) => `SELECT 1 ${FROM} ${where} LIMIT 1`);
    return (await getPool().query(q.text, q.values)).rows.length > 0;
  };
  const hasNext = backwards ? last !== undefined && (await anyBeyond(last, true)) : more;
  const hasPrev = backwards ? more : cursor ? first !== undefined && (await anyBeyond(first, false)) : false;
  return {
    rows: page,
    nextCursor: hasNext && last ? cursorOf(last) : null,
    prevCursor: hasPrev && first ? cursorOf(first) : null,
  };
}

const EXPORT_ORDER = `ORDER BY dv."submittedAt" DESC, dv.id DESC`;

/** The export columns, in EXPORT_COLUMNS order, as finished CSV cells computed by PostgreSQL (neutralised, ISO 8601 times). */
const CSV_SELECT: Record<ExportHeader, string> = {
  use_case: neutralizeFormulaSql("uc.title"),
  team: neutralizeFormulaSql("t.name"),
  version: "dv.number",
  status: "dv.status::text",
  recommended_strategy: `COALESCE(dv.recommended, '${NO_FEASIBLE_SHORT}')`,
  approved_strategy: `dv."approvedStrategy"`,
  override: `CASE WHEN dv."isOverride" THEN 'yes' ELSE 'no' END`,
  confidence: "dv.confidence",
  monthly_cost_usd: COST_ON_RECORD,
  submitted_by: neutralizeFormulaSql("su.name"),
  reviewed_by: neutralizeFormulaSql("ru.name"),
  submitted_at: isoUtcSql(`dv."submittedAt"`),
  reviewed_at: isoUtcSql(`dv."reviewedAt"`),
  engine_version: `dv."engineVersion"`,
  tags: neutralizeFormulaSql("array_to_string(uc.tags, ' ')"),
  decision_id: "dv.id",
  use_case_id: `dv."useCaseId"`,
};

/**
 * What exporting the log for a filter reads, for the shared export module (src/server/export):
 * the count and the rows of one WHERE clause, the JSON Lines records from the rows, and CSV
 * through PostgreSQL's COPY (its own RFC 4180 writer, near `psql \copy` speed). The benchmark
 * runs `rows` through `psql \copy` as its baseline.
 */
export function decisionLogExport(
  actor: Actor,
  filter: DecisionLogFilter,
  reevaluatedWith: string | null,
): Pick<ExportPlan<DecisionLogRow>, "count" | "rows" | "toRow" | "columns" | "csvCopy"> {
  const where = whereFor(actor, filter, reevaluatedWith);
  const cells = EXPORT_COLUMNS.map((c) => `${CSV_SELECT[c.header]} AS "${c.header}"`).join(", ");
  return {
    count: where.query((w) => `SELECT count(*) AS n ${COUNT_FROM} ${w}`),
    rows: where.query((w) => `${SELECT} ${FROM} ${w} ${EXPORT_ORDER}`),
    toRow: (raw) => toRow(raw as unknown as RawRow),
    columns: EXPORT_COLUMNS,
    csvCopy: where.query((w) => `SELECT ${cells} ${FROM} ${w} ${EXPORT_ORDER}`),
  };
}
