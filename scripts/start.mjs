#!/usr/bin/env node
// `npm start` (and `npm run dev`, which passes --dev): from a fresh clone to a running portal with demo data.
// Installs dependencies if missing, starts the embedded database unless DATABASE_URL is
// set, migrates, seeds demo data, builds and serves on http://localhost:3000 (PORT).
// Ctrl-C stops everything. Plain Node on purpose: it runs before dependencies exist.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
process.chdir(root);
const children = new Set();

function log(message) {
  console.log(`\x1b[36m[servewise]\x1b[0m ${message}`);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    log(`\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
    shutdown(1);
  }
}

function needsInstall() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  return statSync(join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs;
}

function spawnChild(command, args, env, { capture = false } = {}) {
  const child = spawn(command, args, { env, detached: true, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit" });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

let shuttingDown = false;
function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (children.size > 0) log("stopping…");
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  const deadline = Date.now() + 5000;
  const wait = () => {
    if (children.size === 0 || Date.now() > deadline) {
      for (const child of children) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }
      process.exit(code);
    }
    setTimeout(wait, 100);
  };
  wait();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

if (needsInstall()) {
  log("installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"], { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });
}

const { config } = await import("dotenv");
config({ quiet: true });
const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
// `next start` serves a production build; `npm run dev` (--dev) runs `next dev`.
env.NODE_ENV = dev ? "development" : "production";
const port = env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

// A session secret that survives restarts, kept out of git.
if (!env.NEXTAUTH_SECRET) {
  const file = join(root, ".data", "auth-secret");
  mkdirSync(join(root, ".data"), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

if (!env.DATABASE_URL) {
  log("DATABASE_URL is not set: starting the embedded database (PGlite, data in .data/pglite)…");
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const db = spawnChild(tsx, ["scripts/db/embedded-server.ts"], env, { capture: true });
  env.DATABASE_URL = await new Promise((resolve) => {
    let buffer = "";
    db.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = /ready (\S+)/.exec(buffer);
      if (match) resolve(match[1]);
    });
    db.on("exit", (code) => {
      log(`the embedded database stopped (exit ${code}). Is port ${env.SERVEWISE_EMBEDDED_PORT ?? 54329} free?`);
      shutdown(1);
    });
  });
}

log("preparing the database…");
run("npm", ["run", "--silent", "db:generate"], env);
run("npm", ["run", "--silent", "db:migrate"], env);
const seedable = env.SERVEWISE_SEED_DEMO !== "false";
if (seedable) run("npm", ["run", "--silent", "db:seed"], { ...env, NODE_ENV: "development" });

if (!dev && env.SERVEWISE_SKIP_BUILD !== "1") {
  log("building the portal (next build)…");
  run(join(root, "node_modules", ".bin", "next"), ["build"], env);
}

const server = spawnChild(join(root, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", port], env);
server.on("exit", (code) => {
  if (!shuttingDown) {
    log(`the web server stopped (exit ${code}).`);
    shutdown(code ?? 1);
  }
});

// Wait until it answers, then tell the newcomer where to go and how to sign in.
for (let i = 0; i < 120 && !shuttingDown; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/signin`);
    if (res.ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
}
if (!shuttingDown) {
  log(`Servewise is running at http://localhost:${port}   (Ctrl-C stops everything)`);
  if (seedable) run(join(root, "node_modules", ".bin", "tsx"), ["scripts/print-demo-logins.ts"], env);
}
