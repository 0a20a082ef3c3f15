#!/usr/bin/env node
// `npm start` (and `npm run dev`, which passes --dev): from a fresh clone to a running portal with demo data.
// Steps: install dependencies if missing, start the embedded PostgreSQL unless DATABASE_URL is
// set (scripts/db/embedded-server.ts: data in .data/postgres, port 54329), migrate (as the
// owner role, DATABASE_MIGRATION_URL), seed demo data and serve as the app role (DATABASE_URL),
// build (only when the sources changed since the last build) and serve on
// http://localhost:3000 (PORT).
// The first failed step stops everything: its name, exit code and error output are printed and
// the exit status is 1. Ctrl-C (or SIGTERM) stops the web server, then the database, and exits 0.
// Plain Node on purpose: it runs before dependencies exist.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const bin = (name) => join(root, "node_modules", ".bin", name);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const forever = () => new Promise(() => {});

function log(message) {
  console.log(`\x1b[36m[servewise]\x1b[0m ${message}`);
}
function error(message) {
  console.error(`\x1b[31m[servewise]\x1b[0m ${message}`);
}

// --- child processes: each in its own process group, stopped in order ---

/** The running step, the web server and the database (each a child with `exited`). */
const running = { step: null, web: null, database: null };

function launch(command, args, env, stdio) {
  const child = spawn(command, args, { env, detached: true, stdio });
  child.exited = new Promise((resolve) => {
    child.once("error", (e) => resolve({ code: null, signal: null, error: e }));
    child.once("exit", (code, signal) => resolve({ code, signal, error: null }));
  });
  return child;
}

/** Processes still in process group `pgid` (a server's workers outlive its wrapper). Zombies do not count. */
function groupMembers(pgid) {
  if (!existsSync("/proc/self/stat")) {
    // No /proc (macOS): kill(-pgid, 0) fails with ESRCH once the group is empty.
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const members = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z") members.push(Number(entry));
    } catch {}
  }
  return members;
}

async function waitGroupGone(pgid, ms) {
  const deadline = Date.now() + ms;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Signals `child` (its whole group, or the leader only), waits, and SIGKILLs the group after `graceMs`. */
async function stopGroup(child, { signal = "SIGTERM", graceMs, leaderOnly = false }) {
  if (!child?.pid) return;
  try {
    process.kill(leaderOnly ? child.pid : -child.pid, signal);
  } catch {}
  if (await waitGroupGone(child.pid, graceMs)) return;
  error(`${child.spawnargs.slice(0, 3).join(" ")} did not stop within ${graceMs / 1000} s: killing it.`);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
  await waitGroupGone(child.pid, 5000);
}

let stopping = null;
/** Stops the running step, then the web server, then the database; exits with `code`. */
function shutdown(code) {
  stopping ??= (async () => {
    if (running.step || running.web || running.database) log("stopping…");
    // The step gets what a terminal's Ctrl-C would have sent it; npm ci ignores it until it is done, hence SIGKILL after 5 s.
    await stopGroup(running.step, { signal: "SIGINT", graceMs: 5_000 });
    await stopGroup(running.web, { graceMs: 10_000 });
    // The database server stops PostgreSQL itself (fast shutdown) on SIGTERM.
    await stopGroup(running.database, { graceMs: 30_000, leaderOnly: true });
    if (code === 0) log("stopped.");
    process.exit(code);
  })();
  return stopping;
}
// A terminal's Ctrl-C reaches npm and this process (npm may forward it once more): once is enough.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(0));

/** Reports a failed step and stops everything: nothing after it runs. */
async function failStep(name, detail, output = "") {
  if (stopping) return forever();
  error(`step "${name}" failed: ${detail}`);
  const tail = output.trim().split("\n").slice(-20).join("\n");
  if (tail) console.error(tail.replace(/^/gm, "  | "));
  await shutdown(1);
  return forever();
}

function describeExit({ code, signal, error: spawnError }) {
  if (spawnError) return spawnError.message;
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** Runs one step to its end (output shown live); a non-zero exit stops `npm start`. */
async function step(name, command, args, env) {
  if (stopping) return forever();
  log(`${name}…`);
  const child = launch(command, args, env, ["ignore", "inherit", "pipe"]);
  running.step = child;
  let errors = "";
  child.stderr?.on("data", (chunk) => {
    process.stderr.write(chunk);
    errors = (errors + chunk).slice(-20_000);
  });
  const result = await child.exited;
  running.step = null;
  if (stopping) return forever();
  if (result.code !== 0) return failStep(name, `\`${[command, ...args].map((a) => relative(root, a) || a).join(" ")}\` ended with ${describeExit(result)}.`, errors);
}

// --- ports ---

/** Whether something listens on `port` (host undefined = all interfaces, as `next start` binds). */
function portTaken(port, host) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (e) => (e.code === "EADDRINUSE" ? resolve(true) : reject(e)));
    server.listen({ port, host }, () => server.close(() => resolve(false)));
  });
}

/** "pid 123: next-server (v16…)" for the process listening on `port`, when /proc tells. */
function whoListens(port) {
  if (!existsSync("/proc/net/tcp")) return null;
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[3] === "0A" && Number.parseInt(cols[1]?.split(":").pop() ?? "", 16) === port) inodes.add(cols[9]);
      }
    } catch {}
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1])) {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
          return `pid ${pid}: ${cmd.slice(0, 120)}`;
        }
      } catch {}
    }
  }
  return null;
}

// --- is the build up to date? ---

const BUILD_INPUTS = ["src", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
const BUILD_STAMP = join(root, ".next", "servewise-build-inputs");

/** A fingerprint of every build input's path, size and modification time. */
function buildInputsFingerprint() {
  const hash = createHash("sha256");
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(`${relative(root, path)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) visit(join(root, input));
  return hash.digest("hex");
}

function buildIsCurrent() {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) return false;
  try {
    return readFileSync(BUILD_STAMP, "utf8").trim() === buildInputsFingerprint();
  } catch {
    return false;
  }
}

function needsInstall() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  return statSync(join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs;
}

function clientIsGenerated() {
  const client = join(root, "src", "generated", "prisma", "client.ts");
  return existsSync(client) && statSync(client).mtimeMs >= statSync(join(root, "prisma", "schema.prisma")).mtimeMs;
}

// --- the steps ---

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

if (needsInstall()) {
  await step("install dependencies (npm ci)", "npm", ["ci", "--no-audit", "--no-fund"], { ...baseEnv, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });
}

const { config } = await import("dotenv");
config({ quiet: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
// `next start` serves a production build; `npm run dev` (--dev) runs `next dev`.
env.NODE_ENV = dev ? "development" : "production";
const port = Number(env.PORT ?? "3000");
if (!Number.isInteger(port) || port < 1 || port > 65535) await failStep("check the web port", `PORT must be a port number, got "${env.PORT}".`);
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

if (await portTaken(port)) {
  const holder = whoListens(port);
  await failStep("check the web port", `Port ${port} is taken by another program${holder ? ` (${holder})` : ""}: stop it or set PORT to a free port.`);
}

// Secrets that survive restarts, kept out of git (and, for the audit checkpoints' signing
// key, out of the database): the session secret and the checkpoint key.
function localSecret(name) {
  const file = join(root, ".data", name);
  mkdirSync(join(root, ".data"), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
env.NEXTAUTH_SECRET ||= localSecret("auth-secret");
env.AUDIT_CHECKPOINT_KEY ||= localSecret("audit-checkpoint-key");

if (stopping) await forever();
if (!env.DATABASE_URL) {
  const name = "start the embedded database";
  const dbPort = env.SERVEWISE_EMBEDDED_PORT || "54329";
  const dataDir = env.SERVEWISE_DATA_DIR || join(".data", "postgres");
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${dataDir}, port ${dbPort})…`);
  const db = launch(process.execPath, ["--import", "tsx", join("scripts", "db", "embedded-server.ts")], env, ["ignore", "pipe", "pipe"]);
  running.database = db;
  void db.exited.then(() => (running.database = null));
  let out = "";
  let errors = "";
  db.stderr.on("data", (chunk) => {
    errors = (errors + chunk).slice(-20_000);
    if (env.DATABASE_URL) process.stderr.write(chunk);
  });
  const ready = new Promise((resolve) => {
    db.stdout.on("data", (chunk) => {
      if (env.DATABASE_URL) return void process.stdout.write(chunk);
      out += chunk;
      const match = /^ready (\S+)$/m.exec(out);
      if (match) resolve(match[1]);
    });
  });
  // The owner role's URL (printed before `ready`): for the migrations only.
  const ownerUrl = () => /^migrate (\S+)$/m.exec(out)?.[1];
  const first = await Promise.race([ready, db.exited.then((result) => ({ exited: result }))]);
  if (typeof first !== "string") {
    await failStep(name, `the database server ended before it was ready (${describeExit(first.exited)}).`, `${errors}\n${out}`);
  }
  env.DATABASE_URL = first;
  env.DATABASE_MIGRATION_URL = ownerUrl();
  if (errors.trim()) process.stderr.write(errors);
  void db.exited.then((result) => {
    if (!stopping) void failStep("run the embedded database", `it stopped unexpectedly (${describeExit(result)}).`, errors);
  });
  log(`embedded PostgreSQL is ready on 127.0.0.1:${dbPort}.`);
}

if (!clientIsGenerated()) await step("generate the Prisma client", "npm", ["run", "--silent", "db:generate"], env);
await step("apply the database migrations", "npm", ["run", "--silent", "db:migrate"], env);
// Everything after the migrations runs as the app role: the owner's URL is not passed on.
delete env.DATABASE_MIGRATION_URL;
const seedable = env.SERVEWISE_SEED_DEMO !== "false";
if (seedable) await step("add the demo data (kept if present)", "npm", ["run", "--silent", "db:seed"], { ...env, NODE_ENV: "development" });

if (!dev) {
  if (env.SERVEWISE_SKIP_BUILD === "1" && existsSync(join(root, ".next", "BUILD_ID"))) {
    log("SERVEWISE_SKIP_BUILD=1: serving the existing build.");
  } else if (buildIsCurrent()) {
    log("the build is up to date with the sources: skipping next build.");
  } else {
    const fingerprint = buildInputsFingerprint();
    await step("build the portal (next build)", bin("next"), ["build"], env);
    writeFileSync(BUILD_STAMP, `${fingerprint}\n`);
  }
}

if (stopping) await forever();
log(dev ? "starting the development server (next dev)…" : "starting the portal (next start)…");
const web = launch(bin("next"), [dev ? "dev" : "start", "-p", String(port)], env, ["ignore", "inherit", "inherit"]);
running.web = web;
void web.exited.then((result) => {
  running.web = null;
  if (!stopping) void failStep("serve the portal", `the web server stopped (${describeExit(result)}).`);
});

// Wait until it answers, then tell the newcomer where to go and how to sign in.
const deadline = Date.now() + 180_000;
for (;;) {
  if (stopping) await forever();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
    if (response.ok) break;
  } catch {}
  if (Date.now() > deadline) await failStep("serve the portal", `the portal did not answer on port ${port} within 180 s.`);
  await sleep(300);
}
log(`Servewise is running at http://localhost:${port}   (Ctrl-C stops everything)`);
if (seedable && !stopping) {
  const logins = launch(process.execPath, ["--import", "tsx", join("scripts", "print-demo-logins.ts")], env, ["ignore", "inherit", "inherit"]);
  await logins.exited;
}
