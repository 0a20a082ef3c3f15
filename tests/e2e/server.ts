/**
 * The web server for browser tests: a fresh database (scripts/db/server.ts), migrated and
 * seeded with the demo data, then `next start` on the built app. It writes the database's
 * URL to SERVER_INFO_FILE, where the test workers' fixtures (tests/e2e/fixtures) find it to
 * create each test's own users. On SIGTERM it stops Next and drops the database.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { applyMigrations } from "../../scripts/db/migrations";
import { createFreshDatabase } from "../../scripts/db/server";
import { E2E_PORT, SERVER_INFO_FILE, type ServerInfo } from "./support/server-info";

const root = join(import.meta.dirname, "..", "..");
if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npx next build` first (npm test does).");
  process.exit(1);
}

const database = await createFreshDatabase("servewise_e2e");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "e2e-tests-secret-0123456789abcdefghij";
await applyMigrations(database.url);

const { seedDemoData } = await import("../../prisma/seed");
await seedDemoData({ bcryptRounds: 4 });
await mkdir(dirname(SERVER_INFO_FILE), { recursive: true });
await writeFile(SERVER_INFO_FILE, JSON.stringify({ databaseUrl: database.url } satisfies ServerInfo));

const port = String(E2E_PORT);
const next = spawn(join(root, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  detached: true,
  env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  try {
    if (next.pid) process.kill(-next.pid, "SIGTERM");
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
  await rm(SERVER_INFO_FILE, { force: true });
  await database.drop().catch((e: unknown) => console.error("could not drop the e2e database:", e));
  process.exit(code);
}
next.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
