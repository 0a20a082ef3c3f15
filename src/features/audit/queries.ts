import "server-only";
import type { Actor } from "~/server/actor";
import { readableBy } from "~/features/use-cases/queries";
import type { Prisma } from "~/generated/prisma/client";
import { GENESIS_HASH, hashStoredEvent } from "~/server/audit";
import { db } from "~/server/db";
import { NotFoundError } from "~/server/errors";
import { compareWithCheckpoints, readCheckpoint, type Checkpoint, type CheckpointVerdict } from "./checkpoint";
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

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(filter.actor ? { OR: [{ actorEmail: { contains: filter.actor, mode: "insensitive" } }, { actorName: { contains: filter.actor, mode: "insensitive" } }] } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/** Admins' audit viewer: newest first, keyset-paginated on the sequence number. */
export async function listAuditEvents(filter: AuditFilter, page: { before?: string | null; limit: number }) {
  const rows = await db.auditEvent.findMany({
    where: { AND: [whereOf(filter), page.before ? { seq: { lt: BigInt(page.before) } } : {}] },
    orderBy: { seq: "desc" },
    take: page.limit + 1,
    select: eventSelect,
  });
  const events = rows.slice(0, page.limit).map((e) => ({ ...e, seq: e.seq.toString() }));
  return { events, nextBefore: rows.length > page.limit ? (events.at(-1)?.seq ?? null) : null };
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
