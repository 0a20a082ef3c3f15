/**
 * `node --import tsx scripts/db/embedded-server.ts` (one process; `npm start` runs it when
 * DATABASE_URL is unset): the embedded PostgreSQL (scripts/db/embedded.ts) with its data in
 * SERVEWISE_DATA_DIR (default .data/postgres, git-ignored) on 127.0.0.1:SERVEWISE_EMBEDDED_PORT
 * (default 54329). Creates the `servewise` database if missing and prints `ready <url>` once it
 * accepts connections. SIGINT/SIGTERM stop PostgreSQL cleanly (fast shutdown), then exit 0.
 * On failure (port taken, data dir in use, …) it prints the reason on stderr and exits 1.
 */
import { join, resolve } from "node:path";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";

const dataDir = resolve(process.env.SERVEWISE_DATA_DIR || join(".data", "postgres"));
const portText = process.env.SERVEWISE_EMBEDDED_PORT || "54329";
const port = Number(portText);

let db: EmbeddedPostgres | null = null;
let stopRequested = false;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (db) await db.stop().catch((error: unknown) => console.error(`Could not stop the embedded database: ${String(error)}`));
  process.exit(code);
}

function requestStop() {
  stopRequested = true;
  // Still starting: stop() runs once the start has settled.
  if (db) void stop(0);
}
process.on("SIGINT", requestStop);
process.on("SIGTERM", requestStop);
process.on("SIGHUP", requestStop);

function fail(message: string): never {
  console.error(`The embedded database could not start: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`SERVEWISE_EMBEDDED_PORT must be a port number, got "${portText}".`);

try {
  db = await startEmbeddedPostgres({ dataDir, port });
} catch (error) {
  if (stopRequested) process.exit(0);
  fail(error instanceof Error ? error.message : String(error));
}
if (stopRequested) await stop(0);

try {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'servewise'");
    if (!rowCount) await admin.query("CREATE DATABASE servewise");
  } finally {
    await admin.end();
  }
} catch (error) {
  await db.stop().catch(() => {});
  fail(`creating the servewise database failed: ${error instanceof Error ? error.message : String(error)}`);
}

const url = new URL(db.url);
url.pathname = "/servewise";
console.log(`ready ${url.toString()}`);

void db.exited.then((how) => {
  if (stopping) return;
  console.error(`The embedded database stopped unexpectedly (${how}). Its log: ${db!.logFile}`);
  process.exit(1);
});
