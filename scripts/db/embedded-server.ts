/**
 * `node --import tsx scripts/db/embedded-server.ts` (one process; `npm start` runs it when
 * DATABASE_URL is unset): the embedded PostgreSQL (scripts/db/embedded.ts) with its data in
 * SERVEWISE_DATA_DIR (default .data/postgres, git-ignored) on 127.0.0.1:SERVEWISE_EMBEDDED_PORT
 * (default 54329). Creates the `servewise` database if missing, and its two roles
 * (scripts/db/roles.ts: `servewise_owner` owns it and runs the migrations, `servewise_app` is
 * what the server connects as; their random passwords are kept in <data dir>/servewise-roles.json),
 * then prints `migrate <owner url>` and `ready <app url>`. SIGINT/SIGTERM stop PostgreSQL
 * cleanly (fast shutdown), then exit 0.
 * On failure (port taken, data dir in use, …) it prints the reason on stderr and exits 1.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";
import { ensureRoles, type LoginRole, withLogin } from "./roles";

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

/** The two roles' names and passwords, made once per cluster (deleted with the data dir). */
function roleLogins(): { owner: LoginRole; app: LoginRole } {
  const file = join(dataDir, "servewise-roles.json");
  if (!existsSync(file)) {
    const make = (name: string): LoginRole => ({ name, password: randomBytes(18).toString("hex") });
    writeFileSync(file, `${JSON.stringify({ owner: make("servewise_owner"), app: make("servewise_app") }, null, 2)}\n`, { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, "utf8")) as { owner: LoginRole; app: LoginRole };
}

let roles: { owner: LoginRole; app: LoginRole };
try {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'servewise'");
    if (!rowCount) await admin.query("CREATE DATABASE servewise");
  } finally {
    await admin.end();
  }
  roles = roleLogins();
  // Every start: creates missing roles, resets their passwords and attributes, and hands the
  // database (and anything an older version created as postgres) to the owner.
  await ensureRoles(db.url, "servewise", roles);
} catch (error) {
  await db.stop().catch(() => {});
  fail(`creating the servewise database and its roles failed: ${error instanceof Error ? error.message : String(error)}`);
}

console.log(`migrate ${withLogin(db.url, roles.owner, "servewise")}`);
console.log(`ready ${withLogin(db.url, roles.app, "servewise")}`);

void db.exited.then((how) => {
  if (stopping) return;
  console.error(`The embedded database stopped unexpectedly (${how}). Its log: ${db!.logFile}`);
  process.exit(1);
});
