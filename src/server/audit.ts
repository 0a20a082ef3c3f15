import "server-only";
import { createHash } from "node:crypto";
import { auditEventInputSchema, type AuditEventInput } from "~/server/audit-events";
import type { Actor } from "~/server/actor";
import type { Tx } from "~/server/db";

/**
 * The ONLY writer of audit events. Call it with the transaction client of the change it
 * records, so both commit or neither does. Appends are serialised by a transaction-scoped
 * advisory lock: the sequence stays gap-free and the hash chain never forks.
 *   hash = SHA-256(prevHash || canonical JSON of the event)
 */
export const GENESIS_HASH = "0".repeat(64);
/** The advisory lock that serialises appends (taken inside `audit_append`). */
export const AUDIT_LOCK_KEY = 72_707_302;

export interface AuditActor {
  id: string | null;
  name: string;
  email: string;
}

/** The actor as the trail records it (name and email copied: the history outlives the user). */
export function auditActor(actor: Pick<Actor, "id" | "name" | "email">): AuditActor {
  return { id: actor.id, name: actor.name, email: actor.email };
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

/** A stored event as the driver returns it with `seq::text`: the hashed fields and the chain's links. */
export type AuditEventRow = Omit<HashedFields, "occurredAt"> & { occurredAt: Date; prevHash: string; hash: string };

/** JSON with object keys sorted at every level: the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Written as loops: verification runs this once per event (a million events in seconds).
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + (canonicalJson(value[i]) ?? "");
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does.
  const keys = Object.keys(object).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
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

/**
 * The canonical JSON of an event up to its sequence number: `{…,"requestId":…,"seq":"`.
 * "seq" is the greatest key, so it comes last in the canonical form, and
 *   hashEvent(prev, fields) === SHA-256(prev || canonicalPrefix(fields) || seq || '"}')
 * which lets the database number and hash an event in the same statement that appends it.
 */
export function canonicalPrefix(fields: Omit<HashedFields, "seq">): string {
  const json = canonicalJson({ ...fields, seq: "" });
  const tail = `"seq":""}`;
  if (!json.endsWith(tail)) throw new Error("audit: \"seq\" must be the last key of the canonical form");
  return json.slice(0, -2);
}

/**
 * Appends the event in one round trip (the `audit_append` function of the migrations): the
 * advisory lock (key ${AUDIT_LOCK_KEY}), the chain's head, the hash and the insert. Little runs
 * while the lock is held: this statement, then the caller's COMMIT.
 */
export async function writeAuditEvent(
  tx: Tx,
  params: { actor: AuditActor; entityId: string; now: Date; requestId?: string | null } & AuditEventInput,
): Promise<{ seq: bigint; hash: string }> {
  const event = auditEventInputSchema.parse({ action: params.action, entityType: params.entityType, payload: params.payload });
  const fields: Omit<HashedFields, "seq"> = {
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
  const [appended] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT "seq", "hash" FROM "audit_append"(
      ${params.now}::timestamptz, ${fields.actorId}, ${fields.actorName}, ${fields.actorEmail}, ${fields.action},
      ${fields.entityType}, ${fields.entityId}, ${JSON.stringify(event.payload)}::jsonb, ${fields.requestId},
      ${canonicalPrefix(fields)})`;
  return { seq: BigInt(appended!.seq), hash: appended!.hash };
}
