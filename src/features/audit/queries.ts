import "server-only";
import type { Actor } from "~/server/actor";
import { readableBy } from "~/features/use-cases/queries";
import { GENESIS_HASH, hashStoredEvent, type HashedFields } from "~/server/audit";
import { db, getPool } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import type { ExportPlan } from "~/server/export/stream";
import { containsPattern, SqlWhere } from "~/server/sql";
import { compareWithCheckpoints, readCheckpoint, type Checkpoint, type CheckpointVerdict } from "./checkpoint";
import { entityUseCaseId } from "./present";
import type { AuditFilter } from "./schema-filters";

export type ChainReport =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: string; reason: "edited" | "missing" | "reordered"; detail: string };

/**
 * Recomputes the hash chain from the first event, in batches (constant memory), and reports
 * the first broken sequence number: a gap (missing), a link that does not point at the
 * previous event (reordered or inserted), or a hash that no longer matches its content (edited).
 */
export async function verifyAuditChain(batchSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expected = 1n;
  let count = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({ where: { seq: { gte: expected } }, orderBy: { seq: "asc" }, take: batchSize });
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.seq !== expected) {
        return { ok: false, events: count, brokenAt: expected.toString(), reason: "missing", detail: `event ${expected} is missing (next is ${e.seq})` };
      }
      if (e.prevHash !== prevHash) {
        return { ok: false, events: count, brokenAt: e.seq.toString(), reason: "reordered", detail: `event ${e.seq} does not link to event ${e.seq - 1n}` };
      }
      const recomputed = hashStoredEvent(prevHash, e);
      if (recomputed !== e.hash) {
        return { ok: false, events: count, brokenAt: e.seq.toString(), reason: "edited", detail: `event ${e.seq}'s content no longer matches its hash` };
      }
      prevHash = e.hash;
      expected = e.seq + 1n;
      count++;
    }
  }
  return { ok: true, events: count, head: prevHash };
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
type EventRow = Omit<HashedFields, "occurredAt"> & { occurredAt: Date };

/** Admins' audit viewer: newest first, keyset-paginated on the sequence number. */
export async function listAuditEvents(filter: AuditFilter, page: { before?: string | null; limit: number }) {
  const sql = whereFor(filter);
  if (page.before) sql.and(`seq < ${sql.param(page.before)}::bigint`);
  const { text, values } = sql.query((where) => `SELECT ${EVENT_COLUMNS}, hash FROM "AuditEvent" ${where} ORDER BY "AuditEvent".seq DESC LIMIT ${sql.param(page.limit + 1)}`);
  const { rows } = await getPool().query<EventRow & { hash: string }>(text, values);
  const events = rows.slice(0, page.limit);
  // The titles of the use cases the events are about, so rows name them rather than show ids.
  const ids = [...new Set(events.map((e) => entityUseCaseId(e.entityType, e.entityId, e.payload)).filter((id): id is string => id !== null))];
  const titles = new Map<string, string>();
  if (ids.length > 0) {
    const found = await getPool().query<{ id: string; title: string }>(`SELECT id, title FROM "UseCase" WHERE id = ANY($1::text[])`, [ids]);
    for (const row of found.rows) titles.set(row.id, row.title);
  }
  return {
    events: events.map((e) => ({ ...e, useCaseTitle: titles.get(entityUseCaseId(e.entityType, e.entityId, e.payload) ?? "") ?? null })),
    nextBefore: rows.length > page.limit ? (events.at(-1)?.seq ?? null) : null };
}

type ExportedEvent = EventRow & { prevHash: string; hash: string };

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
