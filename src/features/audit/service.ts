import "server-only";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import QueryStream from "pg-query-stream";
import type { Actor } from "~/server/actor";
import { neutralizeFormula } from "~/features/decision-log/format";
import { writeAuditEvent } from "~/server/audit";
import { db, getPool } from "~/server/db";
import { ValidationError, validationErrorFromIssues } from "~/server/errors";
import { auditFilterSchema, type AuditFilter } from "./schema-filters";
import { CHECKPOINT_VERSION, checkpointFileName, readCheckpoint, signCheckpoint } from "./checkpoint";
import { auditHead, storedHashes } from "./queries";

const COLUMNS = ["seq", "occurred_at", "actor_id", "actor_name", "actor_email", "action", "entity_type", "entity_id", "payload", "request_id", "prev_hash", "hash"];

function whereSql(filter: AuditFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.actor) {
    const p = add(`%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`("actorEmail" ILIKE ${p} OR "actorName" ILIKE ${p})`);
  }
  if (filter.action) clauses.push(`action = ${add(filter.action)}`);
  if (filter.entityType) clauses.push(`"entityType" = ${add(filter.entityType)}`);
  if (filter.entityId) clauses.push(`"entityId" = ${add(filter.entityId)}`);
  if (filter.from) clauses.push(`"occurredAt" >= ${add(`${filter.from}T00:00:00Z`)}::timestamptz`);
  if (filter.to) clauses.push(`"occurredAt" < (${add(`${filter.to}T00:00:00Z`)}::timestamptz + interval '1 day')`);
  return clauses.length ? `WHERE ${clauses.join(" AND ")}` : "";
}

/** Admins export the audit trail the same way as the decision log: streamed, filtered, audited. */
export async function exportAuditLog(
  ctx: { actor: Actor; now: () => Date; requestId?: string | null },
  params: { filter: Record<string, string>; format: string },
): Promise<{ stream: Readable; format: "csv" | "jsonl"; total: number }> {
  const format = params.format === "csv" || params.format === "jsonl" ? params.format : null;
  if (!format) throw new ValidationError("Choose csv or jsonl.", { format: ["Choose csv or jsonl."] });
  const parsed = auditFilterSchema.safeParse(params.filter);
  if (!parsed.success) throw validationErrorFromIssues("Some filters are not valid.", parsed.error.issues);
  const values: unknown[] = [];
  const text = `SELECT seq::text, "occurredAt", "actorId", "actorName", "actorEmail", action, "entityType", "entityId", payload, "requestId", "prevHash", hash
    FROM "AuditEvent" ${whereSql(parsed.data, values)} ORDER BY seq ASC`;
  const client = await getPool().connect();
  let total: number;
  try {
    total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" ${whereSql(parsed.data, [])}`, values)).rows[0]?.n ?? 0);
  } catch (error) {
    client.release();
    throw error;
  }
  const source = client.query(new QueryStream(text, values, { batchSize: 1000 }));
  let rows = 0;
  let done = false;
  const toRecord = new Transform({
    objectMode: true,
    transform(r: Record<string, unknown>, _e, cb) {
      rows++;
      const record = [r.seq, (r.occurredAt as Date).toISOString(), r.actorId, r.actorName, r.actorEmail, r.action, r.entityType, r.entityId, JSON.stringify(r.payload), r.requestId, r.prevHash, r.hash];
      if (format === "jsonl") return cb(null, `${JSON.stringify(Object.fromEntries(COLUMNS.map((c, i) => [c, c === "payload" ? r.payload : record[i]])))}\n`);
      cb(null, record.map((v) => (v === null || v === undefined ? "" : neutralizeFormula(String(v)))));
    },
  });
  const encoder =
    format === "csv"
      ? stringify({ header: true, columns: COLUMNS, record_delimiter: "\r\n" })
      : new Transform({ writableObjectMode: true, transform: (line: string, _e, cb) => cb(null, line) });
  source.on("error", (error: Error) => encoder.destroy(error));
  encoder.on("end", () => {
    done = true;
    client.release();
    void db.$transaction((tx) =>
      writeAuditEvent(tx, {
        actor: { id: ctx.actor.id, name: ctx.actor.name, email: ctx.actor.email },
        now: ctx.now(),
        requestId: ctx.requestId,
        action: "AUDIT_LOG_EXPORTED",
        entityType: "AuditLog",
        entityId: "audit-log",
        payload: { format, filter: params.filter, rows },
      }),
    );
  });
  encoder.on("close", () => {
    if (!done) {
      source.destroy();
      client.release();
    }
  });
  source.pipe(toRecord).pipe(encoder);
  return { stream: encoder, format, total };
}

/**
 * Takes a checkpoint of the audit chain: the hashes of every event since the last checkpoint
 * in `dir`, signed with `key`, written to a new file (atomically: a temporary file renamed).
 * Returns the file written, or null when no event was added since the last checkpoint.
 */
export async function writeAuditCheckpoint(params: { dir: string; key: string; now: Date }): Promise<{ file: string; seq: string; events: number } | null> {
  mkdirSync(params.dir, { recursive: true, mode: 0o700 });
  const existing = readdirSync(params.dir).filter((f) => /^checkpoint-\d{20}\.json$/.test(f)).sort();
  let fromSeq = 1n;
  let previousHash: string | null = null;
  const last = existing.at(-1);
  if (last) {
    const read = readCheckpoint(readFileSync(join(params.dir, last), "utf8"), params.key);
    if (!read.ok) throw new Error(`The latest checkpoint ${last} cannot be trusted: ${read.reason}.`);
    fromSeq = BigInt(read.checkpoint.seq) + 1n;
    previousHash = read.checkpoint.hash;
  }
  const head = await auditHead();
  if (!head || head.seq < fromSeq) return null;
  const hashes: string[] = [];
  for await (const row of storedHashes(fromSeq, head.seq)) hashes.push(row.hash);
  const checkpoint = signCheckpoint(
    { version: CHECKPOINT_VERSION, fromSeq: fromSeq.toString(), seq: head.seq.toString(), hash: head.hash, createdAt: params.now.toISOString(), previousHash, hashes },
    params.key,
  );
  const file = join(params.dir, checkpointFileName(checkpoint.seq));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return { file, seq: checkpoint.seq, events: hashes.length };
}
