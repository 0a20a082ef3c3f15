/**
 * Runs the embedded PostgreSQL (PGlite) until SIGINT/SIGTERM, keeping its data in
 * SERVEWISE_DATA_DIR (default .data/pglite, git-ignored). Prints `ready <url>` once it listens.
 */
import { join } from "node:path";
import { startEmbeddedPostgres } from "./embedded";

const dataDir = process.env.SERVEWISE_DATA_DIR ?? join(process.cwd(), ".data", "pglite");
const port = Number(process.env.SERVEWISE_EMBEDDED_PORT ?? 54329);

const db = await startEmbeddedPostgres({ dataDir, port });
console.log(`ready ${db.url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await db.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
