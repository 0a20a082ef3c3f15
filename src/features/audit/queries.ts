import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Actor } from "~/server/actor";
import { readableBy } from "~/features/use-cases/queries";
import { GENESIS_HASH, hashStoredEvent, type AuditEventRow } from "~/server/audit";
import type { Prisma } from "~/generated/prisma/client";
import { db, getPool } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import type { ExportPlan } from "~/server/export/stream";
import { containsPattern, SqlWhere } from "~/server/sql";
import { to as copyTo } from "pg-copy-streams";
import { ChainWalker, CopyLineSplitter, parseChainLine, type ChainBreak } from "./chain";
import { compareWithCheckpoints, readCheckpoint, type Checkpoint, type CheckpointVerdict } from "./checkpoint";
import { entityUseCaseId, eventView } from "./present";
import type { AuditFilter } from "./schema-filters";

export type ChainReport =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: string; reason: "edited" | "missing" | "reordered"; detail: string };

/**
 * Each event as one line of COPY text: seq, prevHash, hash, then the canonical JSON the hash
 * covers in three parts — everything before the payload, the payload (jsonb text, put in
 * canonical key order by chain.ts), everything after it. The keys are written in canonical
 * order (action < actorEmail < actorId < actorName < entityId < entityType < occurredAt <
 * payload < requestId < seq); `to_json(text)` escapes a string as JSON.stringify does.
 */
const CHAIN_ROW_SQL = `SELECT seq, "prevHash", hash,
  '{"action":' || to_json(action)::text || ',"actorEmail":' || to_json("actorEmail")::text
    || ',"actorId":' || coalesce(to_json("actorId")::text, 'null') || ',"actorName":' || to_json("actorName")::text
    || ',"entityId":' || to_json("entityId")::text || ',"entityType":' || to_json("entityType")::text
    || ',"occurredAt":"' || to_char("occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","payload":',
  payload::text,
  ',"requestId":' || coalesce(to_json("requestId")::text, 'null') || ',"seq":"' || seq || '"}'
FROM "AuditEvent"`;

/** The COPY statement that streams events afterSeq+1..throughSeq in order (the bench's baseline reads the same). */
export function chainCopyStatement(afterSeq: bigint, throughSeq: bigint): string {
  return `COPY (${CHAIN_ROW_SQL} WHERE seq > ${afterSeq.toString()} AND seq <= ${throughSeq.toString()} ORDER BY seq) TO STDOUT`;
}

export type RangeReport =
  | { ok: true; events: number; through: bigint; head: string }
  | { ok: false; events: number; through: bigint; brokenAt: bigint; reason: "edited" | "missing" | "reordered"; detail: string };

export interface RangeProgress {
  /** Verified through this sequence number. */
  through: bigint;
  events: number;
}

/**
 * Recomputes the chain from event afterSeq (whose hash is `prevHash`) through `throughSeq`,
 * streamed by COPY on one connection with constant memory, and names the first broken
 * sequence number: a gap (missing), a link that does not point at the previous event
 * (reordered or inserted), or a hash that no longer matches its content (edited).
 * `onProgress` is awaited about every `progressEvery` events (backpressure holds the stream).
 */
export async function verifyChainRange(params: {
  afterSeq: bigint;
  prevHash: string;
  throughSeq: bigint;
  onProgress?: (progress: RangeProgress) => Promise<void> | void;
  progressEvery?: number;
}): Promise<RangeReport> {
  const walker = new ChainWalker(params.afterSeq, params.prevHash);
  const every = params.progressEvery ?? 50_000;
  let nextProgress = every;
  const broken = (b: ChainBreak): RangeReport => ({ ok: false, events: walker.events, through: walker.through, brokenAt: b.seq, reason: b.reason, detail: b.detail });
  if (params.throughSeq <= params.afterSeq) return { ok: true, events: 0, through: params.afterSeq, head: params.prevHash };

  const client = await getPool().connect();
  let release: ((error?: Error) => void) | null = (error) => client.release(error);
  try {
    const stream = client.query(copyTo(chainCopyStatement(params.afterSeq, params.throughSeq)));
    const lines = new CopyLineSplitter();
    const walk = async (batch: string[]): Promise<RangeReport | null> => {
      for (const line of batch) {
        const verdict = walker.check(parseChainLine(line));
        if (verdict !== null) {
          if (!("suspect" in verdict)) return broken(verdict);
          // Recompute that one event exactly as it was written before calling it edited.
          const stored = await db.auditEvent.findUnique({ where: { seq: verdict.suspect.seq } });
          if (!stored || hashStoredEvent(verdict.prevHash, stored) !== stored.hash) {
            return broken({ seq: verdict.suspect.seq, reason: "edited", detail: `event ${verdict.suspect.seq}'s content no longer matches its hash` });
          }
          walker.accept(stored);
        }
        if (walker.events >= nextProgress && params.onProgress) {
          nextProgress = walker.events + every;
          await params.onProgress({ through: walker.through, events: walker.events });
        }
      }
      return null;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const result = await walk(lines.push(chunk));
      if (result) {
        // Stop the COPY: the connection is discarded rather than drained.
        stream.destroy();
        release(new Error("audit verification stopped early"));
        release = null;
        return result;
      }
    }
    const result = await walk(lines.end());
    if (result) return result;
  } catch (error) {
    release?.(error as Error);
    release = null;
    throw error;
  } finally {
    release?.();
  }
  if (walker.through < params.throughSeq) {
    const seq = walker.through + 1n;
    return broken({ seq, reason: "missing", detail: `event ${seq} is missing (the chain ends at ${walker.through}, it reached ${params.throughSeq})` });
  }
  return { ok: true, events: walker.events, through: walker.through, head: walker.head };
}

/** The whole chain from the first event (what `npm run audit:verify` prints). */
export async function verifyAuditChain(): Promise<ChainReport> {
  const head = await auditHead();
  const report = await verifyChainRange({ afterSeq: 0n, prevHash: GENESIS_HASH, throughSeq: head?.seq ?? 0n });
  return report.ok
    ? { ok: true, events: report.events, head: report.head }
    : { ok: false, events: report.events, brokenAt: report.brokenAt.toString(), reason: report.reason, detail: report.detail };
}

const eventSelect = {
  seq: true,
  occurredAt: true,
  actorId: true,
  actorName: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  payload: true,
  requestId: true,
  hash: true,
} as const;

/** The one translation of the audit viewer's filters into SQL (the viewer's pages, the export). */
function whereFor(filter: AuditFilter): SqlWhere {
  const sql = new SqlWhere();
  if (filter.actor) {
    const p = sql.param(containsPattern(filter.actor));
    sql.and(`("actorEmail" ILIKE ${p} OR "actorName" ILIKE ${p})`);
  }
  if (filter.action) sql.and(`action = ${sql.param(filter.action)}`);
  if (filter.entityType) sql.and(`"entityType" = ${sql.param(filter.entityType)}`);
  if (filter.entityId) sql.and(`"entityId" = ${sql.param(filter.entityId)}`);
  return sql.dateRange(`"occurredAt"`, filter);
}

// `seq` is selected as text: ORDER BY must name the table's column ("AuditEvent".seq), or it
// sorts by the text alias ("10" before "9").
const EVENT_COLUMNS = `seq::text AS seq, "occurredAt", "actorId", "actorName", "actorEmail", action, "entityType", "entityId", payload, "requestId"`;

/** An event's hashed fields as the driver returns them (`occurredAt` a Date). */
type EventRow = Omit<AuditEventRow, "prevHash" | "hash">;

/** Whether an event matching `filter` lies below (`<`) or above (`>`) sequence number `seq`. */
async function anyEvent(filter: AuditFilter, direction: "<" | ">", seq: string): Promise<boolean> {
  const sql = whereFor(filter);
  sql.and(`seq ${direction} ${sql.param(seq)}::bigint`);
  const { text, values } = sql.query((where) => `SELECT 1 FROM "AuditEvent" ${where} LIMIT 1`);
  return (await getPool().query(text, values)).rows.length > 0;
}

/**
 * Admins' audit viewer: newest first, keyset-paginated on the sequence number: `before` gives
 * the page below a sequence number, `after` the page above it (read upwards, shown newest
 * first). `nextBefore` / `newerAfter` say where the older and newer pages start (null: none).
 */
export async function listAuditEvents(filter: AuditFilter, page: { before?: string | null; after?: string | null; limit: number }) {
  const sql = whereFor(filter);
  const upwards = Boolean(page.after);
  if (page.before) sql.and(`seq < ${sql.param(page.before)}::bigint`);
  if (page.after) sql.and(`seq > ${sql.param(page.after)}::bigint`);
  const { text, values } = sql.query(
    (where) => `SELECT ${EVENT_COLUMNS}, hash FROM "AuditEvent" ${where} ORDER BY "AuditEvent".seq ${upwards ? "ASC" : "DESC"} LIMIT ${sql.param(page.limit + 1)}`,
  );
  const { rows } = await getPool().query<EventRow & { hash: string }>(text, values);
  const more = rows.length > page.limit;
  const events = upwards ? rows.slice(0, page.limit).reverse() : rows.slice(0, page.limit);
  // The limit+1 row answers "is there more" in the direction read; the other way is one probe.
  const first = events[0]?.seq;
  const last = events.at(-1)?.seq;
  const older = upwards ? last !== undefined && (await anyEvent(filter, "<", last)) : more;
  const newer = upwards ? more : page.before ? first !== undefined && (await anyEvent(filter, ">", first)) : false;
  const nextBefore = older ? (last ?? null) : null;
  const newerAfter = newer ? (first ?? null) : null;
  // The titles of the use cases the events are about, so rows name them rather than show ids.
  const ids = [...new Set(events.map((e) => entityUseCaseId(e.entityType, e.entityId, e.payload)).filter((id): id is string => id !== null))];
  const titles = new Map<string, string>();
  if (ids.length > 0) {
    const found = await getPool().query<{ id: string; title: string }>(`SELECT id, title FROM "UseCase" WHERE id = ANY($1::text[])`, [ids]);
    for (const row of found.rows) titles.set(row.id, row.title);
  }
  const now = new Date();
  return {
    events: events.map((e) => {
      const useCaseTitle = titles.get(entityUseCaseId(e.entityType, e.entityId, e.payload) ?? "") ?? null;
      return { ...e, useCaseTitle, view: eventView(e, useCaseTitle, now) };
    }),
    nextBefore,
    newerAfter,
  };
}

type ExportedEvent = AuditEventRow;

/** The export's columns: every stored field, so a copy of the trail can be verified on its own. */
const EXPORT_COLUMNS: ExportPlan<ExportedEvent>["columns"] = [
  { header: "seq", value: (e) => e.seq },
  { header: "occurred_at", value: (e) => e.occurredAt },
  { header: "actor_id", value: (e) => e.actorId },
  { header: "actor_name", value: (e) => e.actorName },
  { header: "actor_email", value: (e) => e.actorEmail },
  { header: "action", value: (e) => e.action },
  { header: "entity_type", value: (e) => e.entityType },
  { header: "entity_id", value: (e) => e.entityId },
  { header: "payload", value: (e) => e.payload },
  { header: "request_id", value: (e) => e.requestId },
  { header: "prev_hash", value: (e) => e.prevHash },
  { header: "hash", value: (e) => e.hash },
];

/** What exporting the trail for a filter reads, oldest first, for src/server/export. */
export function auditLogExport(filter: AuditFilter): Pick<ExportPlan<ExportedEvent>, "count" | "rows" | "columns"> {
  const where = whereFor(filter);
  return {
    count: where.query((w) => `SELECT count(*) AS n FROM "AuditEvent" ${w}`),
    rows: where.query((w) => `SELECT ${EVENT_COLUMNS}, "prevHash", hash FROM "AuditEvent" ${w} ORDER BY "AuditEvent".seq ASC`),
    columns: EXPORT_COLUMNS,
  };
}

/** Everything that happened to one use case and its versions, for everyone who may see it. */
export async function listUseCaseTimeline(actor: Actor, useCaseId: string) {
  const useCase = await db.useCase.findFirst({
    where: { AND: [{ id: useCaseId }, readableBy(actor)] },
    select: { id: true, versions: { select: { id: true } } },
  });
  if (!useCase) throw new NotFoundError("That use case");
  const rows = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "UseCase", entityId: useCase.id },
        { entityType: "DecisionVersion", entityId: { in: useCase.versions.map((v) => v.id) } },
        { entityType: "Comment", payload: { path: ["useCaseId"], equals: useCase.id } },
      ],
    },
    orderBy: { seq: "asc" },
    take: 1000,
    select: eventSelect,
  });
  return rows.map((e) => ({ ...e, seq: e.seq.toString() }));
}

/** The stored (seq, hash) pairs of events fromSeq..toSeq, in order, in batches (constant memory). */
export async function* storedHashes(fromSeq: bigint, toSeq: bigint, batchSize = 10_000): AsyncIterable<{ seq: bigint; hash: string }> {
  let next = fromSeq;
  while (next <= toSeq) {
    const batch = await db.auditEvent.findMany({
      where: { seq: { gte: next, lte: toSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
      select: { seq: true, hash: true },
    });
    if (batch.length === 0) return;
    yield* batch;
    next = batch.at(-1)!.seq + 1n;
  }
}

/** The chain's head now: its last event's sequence number and hash, or null when empty. */
export async function auditHead(): Promise<{ seq: bigint; hash: string } | null> {
  return db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

/**
 * `audit:verify --checkpoint PATH`: authenticates every checkpoint file at PATH (a file, or a
 * folder of them) with the key, then compares the hashes the database holds with the ones
 * they recorded, naming the first sequence number that differs or is missing.
 */
export async function verifyAgainstCheckpoints(files: readonly { name: string; text: string }[], key: string): Promise<CheckpointVerdict> {
  const checkpoints: { name: string; checkpoint: Checkpoint }[] = [];
  for (const file of files) {
    const read = readCheckpoint(file.text, key);
    if (!read.ok) return { ok: false, firstDiffering: "?", reason: "signature", detail: `checkpoint ${file.name}: ${read.reason}` };
    checkpoints.push({ name: file.name, checkpoint: read.checkpoint });
  }
  return compareWithCheckpoints(checkpoints, storedHashes);
}

/** A running verification that has not reported for this long lost its process. */
export const VERIFICATION_STALE_MS = 60_000;

const runSelect = {
  id: true,
  kind: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
  startedByName: true,
  process: true,
  anchor: true,
  anchorSeq: true,
  targetSeq: true,
  checkedSeq: true,
  headHash: true,
  brokenAt: true,
  reason: true,
  detail: true,
} as const satisfies Prisma.AuditVerificationSelect;

type RunRow = Prisma.AuditVerificationGetPayload<{ select: typeof runSelect }>;

/** A run of verification as the audit page shows it (sequence numbers as text). */
export type VerificationRun = Omit<RunRow, "status" | "anchorSeq" | "targetSeq" | "checkedSeq" | "brokenAt"> & {
  /** INTERRUPTED: marked running, but its process stopped reporting progress. */
  status: RunRow["status"] | "INTERRUPTED";
  anchorSeq: string;
  targetSeq: string;
  checkedSeq: string;
  brokenAt: string | null;
  /** Events to check (targetSeq - anchorSeq), and checked so far. */
  total: number;
  done: number;
};

function toRun(row: RunRow, now: Date): VerificationRun {
  const stale = row.status === "RUNNING" && now.getTime() - row.heartbeatAt.getTime() > VERIFICATION_STALE_MS;
  const finished = row.status === "OK" || row.status === "BROKEN";
  const checked = finished && row.status === "OK" ? row.targetSeq : row.checkedSeq;
  return {
    ...row,
    status: stale ? "INTERRUPTED" : row.status,
    anchorSeq: row.anchorSeq.toString(),
    targetSeq: row.targetSeq.toString(),
    checkedSeq: checked.toString(),
    total: Number(row.targetSeq - row.anchorSeq),
    done: Math.max(0, Number(checked - row.anchorSeq)),
    brokenAt: row.brokenAt?.toString() ?? null,
  };
}

export async function getVerificationRun(id: string): Promise<VerificationRun | null> {
  const row = await db.auditVerification.findUnique({ where: { id }, select: runSelect });
  return row ? toRun(row, new Date()) : null;
}

/**
 * What the audit page shows without verifying anything: the chain's head, the latest full
 * verification (running or finished) and the latest check of new events.
 */
export async function verificationStatus() {
  const now = new Date();
  const [head, full, incremental] = await Promise.all([
    auditHead(),
    db.auditVerification.findFirst({ where: { kind: "FULL" }, orderBy: { startedAt: "desc" }, select: runSelect }),
    db.auditVerification.findFirst({ where: { kind: "INCREMENTAL" }, orderBy: { startedAt: "desc" }, select: runSelect }),
  ]);
  return {
    headSeq: head?.seq.toString() ?? "0",
    latestFull: full ? toRun(full, now) : null,
    latestIncremental: incremental ? toRun(incremental, now) : null,
  };
}

/** The signed checkpoint files in `dir`, oldest first (names sort in sequence order). */
export function checkpointFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^checkpoint-\d{20}\.json$/.test(f))
    .sort();
}

/** The text of one checkpoint file in `dir`, or null (the name must be a checkpoint file's). */
export function readCheckpointFile(dir: string, name: string): string | null {
  if (!/^checkpoint-\d{20}\.json$/.test(name)) return null;
  const path = join(dir, name);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/** The newest checkpoint in `dir` that the key authenticates, or null (none, or not trusted). */
export function latestCheckpoint(dir: string, key: string): Checkpoint | null {
  const name = checkpointFileNames(dir).at(-1);
  if (!name) return null;
  const read = readCheckpoint(readCheckpointFile(dir, name) ?? "", key);
  return read.ok ? read.checkpoint : null;
}
