/**
 * The newcomer's path, for real: `git clone` of this repository (HEAD: commit first), then
 * `npm start` with no DATABASE_URL and no NEXTAUTH_SECRET — its own `npm ci`, the embedded
 * PostgreSQL, migrations, demo data, `next build`, `next start`. A member submits a use case
 * and a reviewer approves it over HTTP; the decision-log CSV shows it. Ctrl-C (SIGINT to the
 * whole foreground process group, as a terminal sends it) must exit 0 and leave no process and
 * no port behind. A second `npm start` must reuse everything (no install, no re-seed) and still
 * show the approved decision.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { DEMO_USERS } from "../../prisma/demo-users";
import { freePort } from "../../scripts/db/server";
import { root } from "./support/app";
import { HttpSession } from "./support/http";

const MEMBER = DEMO_USERS.find((u) => u.email === "maya@servewise.test")!;
const REVIEWER = DEMO_USERS.find((u) => u.email === "raj@servewise.test")!;

/** `npm start` in the clone, as its own process group (a terminal's foreground job). */
class NpmStart {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = "";

  constructor(cwd: string, env: Record<string, string | undefined>) {
    this.child = spawn("npm", ["start"], { cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.on("data", (c: Buffer) => (this.output += c.toString()));
    this.child.stderr!.on("data", (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  text(): string {
    // Without colours, for matching.
    return this.output.replace(/\x1b\[[0-9;]*m/g, "");
  }

  lastLines(n: number): string {
    return this.text().trimEnd().split("\n").slice(-n).join("\n");
  }

  running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first match of `pattern` in the output; rejects if npm start exits first. */
  async waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    for (;;) {
      const match = pattern.exec(this.text());
      if (match) return match;
      if (!this.running()) {
        const { code, signal } = await this.exited;
        throw new Error(`npm start exited (${signal ?? `code ${code}`}) before printing ${pattern}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Ctrl-C: SIGINT to the whole process group. */
  interrupt() {
    process.kill(-this.child.pid!, "SIGINT");
  }

  kill() {
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {}
  }
}

let current: NpmStart | null = null;
const timings: string[] = [];

/** Runs one bounded step; a failure names the step and shows the end of npm start's output. */
async function step<T>(name: string, seconds: number, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${seconds} s`)), seconds * 1000);
      }),
    ]);
    timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const output = current ? `\n--- last 60 lines of npm start ---\n${current.lastLines(60)}` : "";
    throw new Error(`Step "${name}" failed: ${error instanceof Error ? error.message : String(error)}${output}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Processes (not zombies) whose working directory or command line is inside `dir`. */
function processesInside(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      let cwd = "";
      try {
        cwd = readlinkSync(`/proc/${entry}/cwd`);
      } catch {}
      if (cwd === dir || cwd.startsWith(`${dir}/`) || cmd.includes(dir)) found.push(`pid ${entry} (cwd ${cwd}): ${cmd.slice(0, 160)}`);
    } catch {}
  }
  return found;
}

function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host }, () => server.close(() => resolve(true)));
  });
}

async function interruptAndCheck(start: NpmStart, clone: string, ports: number[]) {
  await step("Ctrl-C: npm start exits with code 0", 60, async () => {
    start.interrupt();
    const { code, signal } = await start.exited;
    expect({ code, signal }, "npm start's exit").toEqual({ code: 0, signal: null });
  });
  await step("nothing left running, no port left taken", 15, async () => {
    // The group leader has exited; give the kernel a moment to finish reaping.
    for (let i = 0; i < 20 && processesInside(clone).length > 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(processesInside(clone), "processes left inside the clone").toEqual([]);
    for (const port of ports) expect(await portIsFree(port), `port ${port} is still taken`).toBe(true);
  });
}

/**
 * Who the portal's connections to the embedded database log in as, and what that role is
 * (asked as the cluster's superuser, whose password npm start keeps in the data dir).
 */
async function portalDatabaseRoles(clone: string, dbPort: number) {
  const password = readFileSync(join(clone, ".data", "postgres", "servewise.password"), "utf8").trim();
  const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${dbPort}/servewise` });
  await client.connect();
  try {
    const sessions = await client.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'servewise' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const roles = await client.query<{ rolname: string; rolsuper: boolean; owns: number; member_of_owner: boolean }>(
      `SELECT r.rolname, r.rolsuper, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns,
              pg_has_role(r.oid, d.datdba, 'MEMBER') AS member_of_owner
       FROM pg_roles r, pg_database d WHERE d.datname = 'servewise' AND r.rolname = ANY($1)`,
      [sessions.rows.map((s) => s.usename)],
    );
    const owner = await client.query<{ owner: string; tables: string[] }>(
      `SELECT pg_get_userbyid(d.datdba) AS owner,
              (SELECT array_agg(DISTINCT tableowner::text) FROM pg_tables WHERE schemaname = 'public') AS tables
       FROM pg_database d WHERE d.datname = 'servewise'`,
    );
    return { sessions: sessions.rows.map((s) => s.usename), roles: roles.rows, ...owner.rows[0]! };
  } finally {
    await client.end();
  }
}

/** The decision-log CSV as records, for a signed-in session. */
async function decisionLogCsv(session: HttpSession, title: string): Promise<Record<string, string>[]> {
  const response = await session.fetch(`/api/export/decision-log?format=csv&q=${encodeURIComponent(title)}`);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET /api/export/decision-log answered ${response.status}: ${body.slice(0, 200)}`);
  return parse(body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe("the newcomer's path: git clone, npm start, use it, Ctrl-C, start again", () => {
  const scratch = mkdtempSync(join(tmpdir(), "servewise-newcomer-"));
  const clone = join(scratch, "servewise");

  afterAll(async () => {
    current?.kill();
    for (const line of processesInside(clone)) {
      try {
        process.kill(Number(/^pid (\d+)/.exec(line)![1]), "SIGKILL");
      } catch {}
    }
    rmSync(scratch, { recursive: true, force: true });
    console.log(`newcomer path timings:\n  ${timings.join("\n  ")}`);
  });

  it("works end to end and keeps the data across a restart", { timeout: 1_200_000 }, async () => {
    const webPort = await freePort();
    let dbPort = await freePort();
    while (dbPort === webPort) dbPort = await freePort();
    const env: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // A newcomer's shell: none of this test run's settings or npm's per-run variables.
      if (/^(DATABASE_URL|NEXTAUTH_|SERVEWISE_|PORT$|NODE_ENV$|VITEST|TEST$|npm_)/.test(key)) continue;
      env[key] = value;
    }
    Object.assign(env, { PORT: String(webPort), SERVEWISE_EMBEDDED_PORT: String(dbPort) });

    await step("git clone", 120, () => promisify(execFile)("git", ["clone", "--quiet", root, clone]));

    current = new NpmStart(clone, env);
    const url = await step("first npm start (npm ci, embedded database, migrations, seed, build, serve)", 900, async () => {
      const [, found] = await current!.waitFor(/Servewise is running at (http:\/\/\S+)/);
      return found!;
    });
    expect(current.text()).toMatch(/install dependencies \(npm ci\)/);

    const title = `Newcomer check ${randomUUID().slice(0, 8)}`;
    const example = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;
    const decision = await step("a member signs in, creates and submits a use case", 60, async () => {
      const member = await new HttpSession(url).signIn(MEMBER.email, MEMBER.password);
      const teams = await member.query<{ id: string }[]>("account.myTeams");
      const { id } = await member.mutation<{ id: string }>("useCase.create", {
        teamId: teams[0]!.id,
        title,
        description: "Created by the newcomer system test.",
        owner: MEMBER.name,
        modelRepoUrl: "",
        dashboardUrl: "",
        tags: ["newcomer"],
      });
      const { versionNumber } = await member.mutation<{ versionNumber: number }>("useCase.submit", {
        id,
        expectedRevision: 1,
        idempotencyKey: randomUUID(),
        answers: example.answers,
      });
      return { useCaseId: id, number: versionNumber };
    });

    await step("a reviewer signs in and approves it; the CSV export shows it approved", 60, async () => {
      const reviewer = await new HttpSession(url).signIn(REVIEWER.email, REVIEWER.password);
      const state = await reviewer.query<{ version: number; status: string }>("review.state", decision);
      expect(state.status).toBe("SUBMITTED");
      await reviewer.mutation("review.decide", { ...decision, expectedVersion: state.version, action: "APPROVE", comment: "Approved by the newcomer test." });
      const rows = await decisionLogCsv(reviewer, title);
      expect(rows.map((r) => ({ use_case: r.use_case, status: r.status, reviewed_by: r.reviewed_by }))).toEqual([
        { use_case: title, status: "APPROVED", reviewed_by: REVIEWER.name },
      ]);
    });

    await step("the portal connects as the app role, which owns nothing; the owner role owns the tables", 30, async () => {
      // A readiness probe holds a pooled connection open (for the pool's idle timeout, 10 s).
      expect((await fetch(`${url}/api/ready`)).status).toBe(200);
      const found = await portalDatabaseRoles(clone, dbPort);
      expect(found.sessions, "roles of the portal's open connections").toEqual(["servewise_app"]);
      expect(found.roles).toEqual([{ rolname: "servewise_app", rolsuper: false, owns: 0, member_of_owner: false }]);
      expect({ owner: found.owner, tables: found.tables }).toEqual({ owner: "servewise_owner", tables: ["servewise_owner"] });
    });

    await interruptAndCheck(current, clone, [webPort, dbPort]);

    current = new NpmStart(clone, env);
    await step("second npm start (reuses the install, the data and the build)", 300, () => current!.waitFor(/Servewise is running at http:\/\/\S+/));
    const second = current.text();
    expect(second, "no second install").not.toMatch(/install dependencies/);
    expect(second, "no re-seed").toMatch(/Demo data already present: nothing added/);
    expect(second, "no rebuild of unchanged sources").toMatch(/the build is up to date with the sources: skipping next build/);

    await step("the approved decision is still there after the restart", 60, async () => {
      const reviewer = await new HttpSession(url).signIn(REVIEWER.email, REVIEWER.password);
      const page = await reviewer.query<{ rows: { title: string; status: string }[] }>("decisionLog.list", { filter: { q: title } });
      expect(page.rows.map((r) => ({ title: r.title, status: r.status }))).toEqual([{ title, status: "APPROVED" }]);
      const rows = await decisionLogCsv(reviewer, title);
      expect(rows.map((r) => r.status)).toEqual(["APPROVED"]);
    });

    await interruptAndCheck(current, clone, [webPort, dbPort]);
    current = null;
  });
});
