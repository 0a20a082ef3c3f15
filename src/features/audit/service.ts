import "server-only";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { getCheckpointEnv } from "~/env";
import type { Prisma } from "~/generated/prisma/client";
import type { CommandContext } from "~/server/actor";
import { auditActor, GENESIS_HASH, writeAuditEvent } from "~/server/audit";
import { db, getPool } from "~/server/db";
import { ConflictError } from "~/server/errors";
import { exportFiltered, type ExportParams, type OpenedExport } from "~/server/export/stream";
import { logger } from "~/server/log";
import { CHECKPOINT_VERSION, checkpointFileName, readCheckpoint, signCheckpoint } from "./checkpoint";
import { auditHead, auditLogExport, getVerificationRun, latestCheckpoint, storedHashes, verifyChainRange, type RangeReport, type VerificationRun } from "./queries";
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

/** Serialises full verifications across app processes (a session lock: released if the process dies). */
const FULL_VERIFICATION_LOCK_KEY = 72_707_303;

/** Which process ran a verification, as the page shows it. */
export function processName(): string {
  return `${hostname()} pid ${process.pid}`;
}

function resultColumns(report: RangeReport, now: Date) {
  return report.ok
    ? { status: "OK" as const, finishedAt: now, heartbeatAt: now, checkedSeq: report.through, headHash: report.head }
    : { status: "BROKEN" as const, finishedAt: now, heartbeatAt: now, checkedSeq: report.through, brokenAt: report.brokenAt, reason: report.reason, detail: report.detail.slice(0, 500) };
}

/**
 * Where an incremental check starts: the latest signed checkpoint (AUDIT_CHECKPOINT_KEY, files in
 * AUDIT_CHECKPOINT_DIR), else the head of the latest successful verification, else the first
 * event. The event at the anchor must still hold the hash recorded there, or the check fails
 * at once: history up to it was changed (re-chained, edited or truncated).
 */
async function incrementalAnchor(): Promise<
  { anchor: "genesis" | "checkpoint" | "verification"; seq: bigint; hash: string; label: string } | { broken: { seq: bigint; detail: string; anchor: "checkpoint" | "verification" } }
> {
  const env = getCheckpointEnv();
  const checkpoint = env.AUDIT_CHECKPOINT_KEY ? latestCheckpoint(resolve(env.AUDIT_CHECKPOINT_DIR), env.AUDIT_CHECKPOINT_KEY) : null;
  let anchor: { anchor: "checkpoint" | "verification"; seq: bigint; hash: string; label: string } | null = null;
  if (checkpoint) {
    anchor = { anchor: "checkpoint", seq: BigInt(checkpoint.seq), hash: checkpoint.hash, label: `the signed checkpoint of ${checkpoint.createdAt}` };
  } else {
    const previous = await db.auditVerification.findFirst({
      where: { status: "OK", headHash: { not: null } },
      orderBy: [{ targetSeq: "desc" }, { finishedAt: "desc" }],
      select: { targetSeq: true, headHash: true, finishedAt: true },
    });
    if (previous?.headHash) anchor = { anchor: "verification", seq: previous.targetSeq, hash: previous.headHash, label: `the verification of ${previous.finishedAt?.toISOString()}` };
  }
  if (!anchor || anchor.seq === 0n) return { anchor: "genesis", seq: 0n, hash: GENESIS_HASH, label: "the first event" };
  const stored = await db.auditEvent.findUnique({ where: { seq: anchor.seq }, select: { hash: true } });
  if (stored?.hash !== anchor.hash) {
    return {
      broken: {
        seq: anchor.seq,
        anchor: anchor.anchor,
        detail: stored
          ? `event ${anchor.seq} is not the event ${anchor.label} recorded: history up to it was edited or re-chained (run a full verification, and audit:verify --checkpoint, to find the first event that differs)`
          : `event ${anchor.seq} is missing, but ${anchor.label} recorded it: history was truncated`,
      },
    };
  }
  return anchor;
}

/**
 * Checks the events written since the anchor (see incrementalAnchor) and records the result, so
 * a page view costs only the new events. A check that finds nothing new since the last one
 * refreshes that one instead of adding a row.
 */
export async function verifyNewEvents(ctx: CommandContext): Promise<VerificationRun> {
  const head = await auditHead();
  const target = head?.seq ?? 0n;
  const start = await incrementalAnchor();
  const base = { kind: "INCREMENTAL" as const, startedAt: ctx.now, heartbeatAt: ctx.now, startedById: ctx.actor.id, startedByName: ctx.actor.name, process: processName(), targetSeq: target };
  if ("broken" in start) {
    const run = await db.auditVerification.create({
      data: { ...base, anchor: start.broken.anchor, anchorSeq: start.broken.seq, checkedSeq: 0n, status: "BROKEN", finishedAt: new Date(), brokenAt: start.broken.seq, reason: "edited", detail: start.broken.detail.slice(0, 500) },
      select: { id: true },
    });
    return (await getVerificationRun(run.id))!;
  }
  const last = await db.auditVerification.findFirst({ where: { kind: "INCREMENTAL" }, orderBy: { startedAt: "desc" }, select: { id: true, status: true, anchor: true, anchorSeq: true, targetSeq: true } });
  if (last && last.status === "OK" && last.anchor === start.anchor && last.anchorSeq === start.seq && last.targetSeq === target) {
    const now = new Date();
    await db.auditVerification.update({ where: { id: last.id }, data: { heartbeatAt: now, finishedAt: now, startedById: ctx.actor.id, startedByName: ctx.actor.name, process: processName() } });
    return (await getVerificationRun(last.id))!;
  }
  const report = await verifyChainRange({ afterSeq: start.seq, prevHash: start.hash, throughSeq: target });
  const run = await db.auditVerification.create({
    data: { ...base, anchor: start.anchor, anchorSeq: start.seq, ...resultColumns(report, new Date()) },
    select: { id: true },
  });
  return (await getVerificationRun(run.id))!;
}

/**
 * Starts a full verification of the chain in this process and returns at once; progress and the
 * result are written to its AuditVerification row (poll getVerificationRun). One at a time across
 * processes: while one runs, asking again returns it. Audited when it starts and when it ends.
 * `done` settles when it has finished (tests and scripts wait for it; the page polls).
 */
export async function startFullVerification(
  ctx: CommandContext,
  options: {
    /** Events between two progress reports (default 25,000). */
    progressEvery?: number;
    /** Awaited after each progress report is stored (scripts and tests watch a run with it). */
    afterProgress?: (id: string) => Promise<void>;
  } = {},
): Promise<{ id: string; alreadyRunning: boolean; done: Promise<void> }> {
  const lock = await getPool().connect();
  const unlock = () => lock.query("SELECT pg_advisory_unlock($1)", [FULL_VERIFICATION_LOCK_KEY]);
  let handedOver = false;
  try {
    const [got] = (await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [FULL_VERIFICATION_LOCK_KEY])).rows;
    if (!got?.locked) {
      const running = await db.auditVerification.findFirst({ where: { kind: "FULL", status: "RUNNING" }, orderBy: { startedAt: "desc" }, select: { id: true } });
      if (!running) throw new ConflictError("A full verification is starting in another process. Try again in a moment.");
      return { id: running.id, alreadyRunning: true, done: Promise.resolve() };
    }
    let run: { id: string; target: bigint };
    try {
      run = await db.$transaction(async (tx) => {
        const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
        const target = head?.seq ?? 0n;
        // We hold the lock, so a full verification still marked RUNNING lost its process.
        await tx.auditVerification.updateMany({
          where: { kind: "FULL", status: "RUNNING" },
          data: { status: "FAILED", finishedAt: ctx.now, detail: "interrupted: the process running it stopped" },
        });
        const created = await tx.auditVerification.create({
          data: {
            kind: "FULL",
            startedAt: ctx.now,
            heartbeatAt: ctx.now,
            startedById: ctx.actor.id,
            startedByName: ctx.actor.name,
            process: processName(),
            anchor: "genesis",
            anchorSeq: 0n,
            targetSeq: target,
            checkedSeq: 0n,
          },
          select: { id: true },
        });
        await writeAuditEvent(tx, {
          actor: auditActor(ctx.actor),
          now: ctx.now,
          requestId: ctx.requestId,
          action: "AUDIT_VERIFICATION_STARTED",
          entityType: "AuditVerification",
          entityId: created.id,
          payload: { kind: "FULL", targetSeq: target.toString() },
        });
        return { id: created.id, target };
      });
    } catch (error) {
      await unlock().catch(() => undefined);
      throw error;
    }
    const done = runFullVerification(ctx, run.id, run.target, options).finally(() =>
      unlock().then(
        () => lock.release(),
        (error: Error) => lock.release(error),
      ),
    );
    handedOver = true;
    return { id: run.id, alreadyRunning: false, done };
  } finally {
    if (!handedOver) lock.release();
  }
}

async function runFullVerification(
  ctx: CommandContext,
  id: string,
  target: bigint,
  options: { progressEvery?: number; afterProgress?: (id: string) => Promise<void> },
): Promise<void> {
  const started = Date.now();
  let outcome: { status: "OK" | "BROKEN" | "FAILED"; events: number; brokenAt: bigint | null };
  let result: Prisma.AuditVerificationUpdateInput;
  try {
    const report = await verifyChainRange({
      afterSeq: 0n,
      prevHash: GENESIS_HASH,
      throughSeq: target,
      progressEvery: options.progressEvery ?? 25_000,
      onProgress: async (p) => {
        await db.auditVerification.update({ where: { id }, data: { checkedSeq: p.through, heartbeatAt: new Date() } });
        await options.afterProgress?.(id);
      },
    });
    result = resultColumns(report, new Date());
    outcome = { status: report.ok ? "OK" : "BROKEN", events: report.events, brokenAt: report.ok ? null : report.brokenAt };
  } catch (error) {
    logger.error({ err: error, verification: id }, "audit verification failed");
    const now = new Date();
    result = { status: "FAILED", finishedAt: now, heartbeatAt: now, detail: "the verification could not finish (see the server log)" };
    outcome = { status: "FAILED", events: 0, brokenAt: null };
  }
  // The result and its audit event in one transaction: whoever sees the run finished also sees
  // it on the record (and the advisory lock is released only after both).
  try {
    await db.$transaction(async (tx) => {
      await tx.auditVerification.update({ where: { id }, data: result });
      await writeAuditEvent(tx, {
        actor: auditActor(ctx.actor),
        now: new Date(),
        requestId: ctx.requestId,
        action: "AUDIT_VERIFICATION_FINISHED",
        entityType: "AuditVerification",
        entityId: id,
        payload: {
          kind: "FULL",
          status: outcome.status,
          targetSeq: target.toString(),
          events: outcome.events,
          brokenAt: outcome.brokenAt?.toString() ?? null,
          durationMs: Date.now() - started,
        },
      });
    });
  } catch (error) {
    logger.error({ err: error, verification: id }, "audit verification result not audited");
    // Keep the result on the page at least; the missing end event is in the server log.
    await db.auditVerification.update({ where: { id }, data: result }).catch(() => undefined);
  }
}
