import "server-only";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandContext } from "~/server/actor";
import { exportFiltered, type ExportParams, type OpenedExport } from "~/server/export/stream";
import { CHECKPOINT_VERSION, checkpointFileName, readCheckpoint, signCheckpoint } from "./checkpoint";
import { auditHead, auditLogExport, storedHashes } from "./queries";
import { auditFilterSchema } from "./schema-filters";

/** Admins export the audit trail the same way as the decision log (src/server/export): one snapshot, audited before the first byte. */
export function exportAuditLog(ctx: CommandContext, params: ExportParams): Promise<OpenedExport> {
  return exportFiltered(ctx, params, {
    schema: auditFilterSchema,
    plan: auditLogExport,
    event: (payload) => ({ action: "AUDIT_LOG_EXPORTED", entityType: "AuditLog", entityId: "audit-log", payload }),
  });
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
