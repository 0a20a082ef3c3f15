/**
 * `npm run audit:verify`: recomputes the audit trail's hash chain.
 * Prints `OK <n> events, head <hash>` and exits 0, or names the first broken sequence
 * number and why (edited, missing, reordered) and exits 1.
 */
import "dotenv/config";
import { verifyAuditChain } from "~/features/audit/queries";
import { db, getPool } from "~/server/db";

const report = await verifyAuditChain();
// The adapter does not own the pool: end it too, or idle connections keep the process alive for 10 s.
await db.$disconnect();
await getPool().end();
if (report.ok) {
  console.log(`OK ${report.events} events, head ${report.head}`);
} else {
  console.log(`BROKEN at sequence ${report.brokenAt}: ${report.reason} — ${report.detail} (${report.events} events verified before it)`);
  process.exitCode = 1;
}
