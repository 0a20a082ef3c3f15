/**
 * `npm run audit:checkpoint`: takes a checkpoint of the audit chain now — the hashes of every
 * event since the last checkpoint, signed with AUDIT_CHECKPOINT_KEY (never stored in the
 * database) — into AUDIT_CHECKPOINT_DIR. Copy that folder somewhere the database's
 * administrators cannot write; `npm run audit:verify -- --checkpoint <folder or file>` checks
 * the database against it.
 */
import "dotenv/config";
import { resolve } from "node:path";
import { getCheckpointEnv } from "~/env";
import { writeAuditCheckpoint } from "~/features/audit/service";
import { db, getPool } from "~/server/db";

const env = getCheckpointEnv();
if (!env.AUDIT_CHECKPOINT_KEY) {
  console.error("AUDIT_CHECKPOINT_KEY is not set: checkpoints are signed with a key kept outside the database (see .env.example).");
  process.exit(2);
}
try {
  const written = await writeAuditCheckpoint({ dir: resolve(env.AUDIT_CHECKPOINT_DIR), key: env.AUDIT_CHECKPOINT_KEY, now: new Date() });
  console.log(written ? `checkpoint of ${written.events} new events through sequence ${written.seq}: ${written.file}` : "no new events since the last checkpoint");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await getPool().end();
}
