/**
 * `npm run audit:verify`: recomputes the audit trail's hash chain.
 * Prints `OK <n> events, head <hash>` and exits 0, or names the first broken sequence
 * number and why (edited, missing, reordered) and exits 1.
 *
 * `npm run audit:verify -- --checkpoint <file or folder>` also compares the database with
 * signed checkpoints taken earlier (AUDIT_CHECKPOINT_KEY): a history re-chained or truncated
 * by someone with full database rights verifies as a chain, but not against a checkpoint.
 */
import "dotenv/config";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { getCheckpointEnv } from "~/env";
import { verifyAgainstCheckpoints, verifyAuditChain } from "~/features/audit/queries";
import { db, getPool } from "~/server/db";

function checkpointFiles(path: string): { name: string; text: string }[] {
  const paths = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(path, f))
    : [path];
  return paths.map((p) => ({ name: basename(p), text: readFileSync(p, "utf8") }));
}

const at = process.argv.indexOf("--checkpoint");
const checkpointPath = at >= 0 ? process.argv[at + 1] : undefined;
if (at >= 0 && !checkpointPath) {
  console.error("--checkpoint needs a checkpoint file or a folder of them.");
  process.exit(2);
}
try {
  const report = await verifyAuditChain();
  if (report.ok) {
    console.log(`OK ${report.events} events, head ${report.head}`);
  } else {
    console.log(`BROKEN at sequence ${report.brokenAt}: ${report.reason} — ${report.detail} (${report.events} events verified before it)`);
    process.exitCode = 1;
  }
  if (checkpointPath) {
    const key = getCheckpointEnv().AUDIT_CHECKPOINT_KEY;
    if (!key) {
      console.error("AUDIT_CHECKPOINT_KEY is not set: it is needed to authenticate the checkpoints.");
      process.exitCode = 2;
    } else {
      const files = checkpointFiles(checkpointPath);
      const verdict = await verifyAgainstCheckpoints(files, key);
      if (verdict.ok) {
        console.log(`OK against ${verdict.checkpoints} checkpoint(s) through sequence ${verdict.through}`);
      } else {
        console.log(`DIFFERS from the checkpoints at sequence ${verdict.firstDiffering}: ${verdict.detail}`);
        process.exitCode = 1;
      }
    }
  }
} finally {
  // The adapter does not own the pool: end it too, or idle connections keep the process alive for 10 s.
  await db.$disconnect();
  await getPool().end();
}
