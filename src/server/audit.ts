import "server-only";
import { createHash } from "node:crypto";
import { auditEventInputSchema, type AuditEventInput } from "~/features/audit/schema";
import type { Tx } from "~/server/db";

/**
 * The ONLY writer of audit events. Call it with the transaction client of the change it
 * records, so both commit or neither does. Appends are serialised by a transaction-scoped
 * advisory lock: the sequence stays gap-free and the hash chain never forks.
 *   hash = SHA-256(prevHash || canonical JSON of the event)
 */
export const GENESIS_HASH = "0".repeat(64);
const AUDIT_LOCK_KEY = 72_707_302;

export interface AuditActor {
  id: string | null;
  name: string;
  email: string;
}

export interface HashedFields {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every level: the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashEvent(prevHash: string, fields: HashedFields): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(fields)).digest("hex");
}

/** Recomputes a stored event's hash from its columns (what `audit:verify` checks). */
export function hashStoredEvent(
  prevHash: string,
  e: Omit<HashedFields, "seq" | "occurredAt"> & { seq: bigint; occurredAt: Date },
): string {
  return hashEvent(prevHash, {
    seq: e.seq.toString(),
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorEmail: e.actorEmail,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    payload: e.payload,
    requestId: e.requestId,
  });
}

export async function writeAuditEvent(
  tx: Tx,
  params: { actor: AuditActor; entityId: string; now: Date; requestId?: string | null } & AuditEventInput,
): Promise<{ seq: bigint; hash: string }> {
  const event = auditEventInputSchema.parse({ action: params.action, entityType: params.entityType, payload: params.payload });
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const seq = (last?.seq ?? 0n) + 1n;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    seq: seq.toString(),
    occurredAt: params.now.toISOString(),
    actorId: params.actor.id,
    actorName: params.actor.name,
    actorEmail: params.actor.email,
    action: event.action,
    entityType: event.entityType,
    entityId: params.entityId,
    payload: event.payload,
    requestId: params.requestId ?? null,
  };
  const hash = hashEvent(prevHash, fields);
  await tx.auditEvent.create({
    data: {
      seq,
      occurredAt: params.now,
      actorId: fields.actorId,
      actorName: fields.actorName,
      actorEmail: fields.actorEmail,
      action: fields.action,
      entityType: fields.entityType,
      entityId: fields.entityId,
      payload: event.payload,
      requestId: fields.requestId,
      prevHash,
      hash,
    },
  });
  return { seq, hash };
}
