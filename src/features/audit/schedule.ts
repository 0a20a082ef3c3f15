import "server-only";
import { resolve } from "node:path";
import { getCheckpointEnv } from "~/env";
import { logger } from "~/server/log";
import { writeAuditCheckpoint } from "./service";

/**
 * Takes an audit checkpoint every AUDIT_CHECKPOINT_INTERVAL_MINUTES in the server process (and
 * one shortly after start), when AUDIT_CHECKPOINT_KEY is set. Several app processes may all do
 * it: a checkpoint continues from the newest file, and one with nothing new is skipped.
 * Failures are logged and retried at the next tick; they never stop the server.
 */
export function scheduleAuditCheckpoints(): void {
  const env = getCheckpointEnv();
  if (!env.AUDIT_CHECKPOINT_KEY || env.AUDIT_CHECKPOINT_INTERVAL_MINUTES === 0) return;
  const key = env.AUDIT_CHECKPOINT_KEY;
  const dir = resolve(env.AUDIT_CHECKPOINT_DIR);
  const take = () =>
    writeAuditCheckpoint({ dir, key, now: new Date() }).catch((error: unknown) => {
      logger.error({ err: error, job: "audit-checkpoint" }, "audit checkpoint not taken; retried at the next tick");
    });
  setTimeout(() => void take(), 30_000).unref();
  setInterval(() => void take(), env.AUDIT_CHECKPOINT_INTERVAL_MINUTES * 60_000).unref();
}
