/**
 * `npm run bench:submit`: the busy hour. Submissions through HTTP with real next-auth sessions
 * (the production build under `next start`, as users reach it) at 1, 8, 32 and 64 concurrent
 * clients, against raw `pg` writing the same rows (the version with its full assessment and an
 * audit event appended by the same `audit_append` statement) in one transaction, measured in the same
 * run on the same database server. Prints submits/s, p50/p95/p99 and the ratio.
 *
 * Needs `next build` first. Database: DATABASE_URL's server, else :5432, else the embedded one.
 *   BENCH_LEVELS=1,8,32,64  BENCH_SUBMITS=400 (per level; the 1-client level does a quarter)
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { withFreshDatabase } from "./fresh-db";
import { HttpSession } from "../tests/system/support/http";
import { startApp } from "../tests/system/support/app";

const LEVELS = (process.env.BENCH_LEVELS ?? "1,8,32,64").split(",").map(Number);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 400);
const PASSWORD = "bench-password-1";

interface Stats {
  rate: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
/** CPU seconds of every PostgreSQL process on the machine (the benchmark's database server). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") total += cpuSeconds(Number(entry));
    } catch {}
  }
  return total;
}

/** Runs `total` jobs on `clients` workers; each worker runs its own jobs one after another. */
async function measure(clients: number, total: number, job: (worker: number, i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  const perWorker = Math.ceil(total / clients);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let i = 0; i < perWorker; i++) {
        const t = performance.now();
        await job(worker, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

await withFreshDatabase("servewise_bench_submit", async (database) => {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const { upsertTeam, upsertUser } = await import("../src/features/account/service");
    const { createCaller } = await import("../src/server/api/root");
    const { createInnerContext } = await import("../src/server/api/trpc");
    const { EXAMPLE_ANSWERS } = await import("../src/engine");
    const { db } = await import("../src/server/db");
    const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;

    const maxClients = Math.max(...LEVELS);
    const team = await upsertTeam({ name: "Bench", slug: "bench", description: "" });
    const members: { id: string; email: string }[] = [];
    for (let i = 0; i < maxClients; i++) {
      members.push(await upsertUser({ email: `member-${i}@bench.test`, name: `Member ${i}`, role: "MEMBER", active: true, password: PASSWORD, teamSlugs: ["bench"] }, { bcryptRounds: 4 }));
    }
    // Reviewers receive the submission notifications, as in a real organisation.
    for (let i = 0; i < 3; i++) {
      await upsertUser({ email: `reviewer-${i}@bench.test`, name: `Reviewer ${i}`, role: "REVIEWER", active: true, password: PASSWORD, teamSlugs: [] }, { bcryptRounds: 4 });
    }

    /** Drafts to submit: drafts[level][worker] is that worker's queue of use case ids. */
    async function drafts(clients: number, total: number): Promise<string[][]> {
      const perWorker = Math.ceil(total / clients);
      const queues: string[][] = [];
      for (let w = 0; w < clients; w++) {
        const caller = createCaller(createInnerContext({ sessionUserId: members[w]!.id }));
        const ids: string[] = [];
        for (let i = 0; i < perWorker; i++) {
          const { id } = await caller.useCase.create({ teamId: team.id, title: `Bench ${clients}/${w}/${i}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
          ids.push(id);
        }
        queues.push(ids);
      }
      return queues;
    }

    app = await startApp({ databaseUrl: database.url });
    // One after another: password checks are capped per process (a burst would be told "busy").
    const sessions: HttpSession[] = [];
    for (const m of members) sessions.push(await new HttpSession(app.url).signIn(m.email, PASSWORD));
    const submitOver = (session: HttpSession, id: string) => session.mutation("useCase.submit", { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });

    // Warm-up: the server compiles and caches on first use.
    for (const id of (await drafts(1, 20))[0]!) await submitOver(sessions[0]!, id);

    // Raw pg writes the same rows: a stored assessment of the same size, an audit append under
    // the same lock, one transaction per submission.
    const sample = await db.decisionVersion.findFirstOrThrow({ select: { useCaseId: true, answers: true, assessment: true, recommended: true, confidence: true, monthlyCostUsd: true } });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`INSERT INTO "UseCase" (id, "teamId", title, "createdById", "updatedAt") VALUES ('raw-bench', $1, 'Raw pg', $2, now())`, [team.id, members[0]!.id]);
    await admin.end();
    let rawNumber = 0;
    const payload = JSON.stringify({ useCaseId: "raw-bench", recommended: sample.recommended });
    const rawSubmit = async (pool: pg.Pool) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const number = ++rawNumber;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "DecisionVersion" (id, "useCaseId", number, answers, assessment, "engineVersion", recommended, confidence, "monthlyCostUsd", "idempotencyKey", "submittedById", "submittedAt")
           VALUES (gen_random_uuid()::text, 'raw-bench', $1, $2, $3, 'raw', $4, $5, $6, $7, $8, now()) RETURNING id`,
          [number, JSON.stringify(sample.answers), JSON.stringify(sample.assessment), sample.recommended, sample.confidence, sample.monthlyCostUsd, randomUUID(), members[0]!.id],
        );
        // The same one-statement append the app uses (lock, head, hash, insert).
        await client.query(`SELECT * FROM audit_append(now(), $1, 'Raw', 'raw@bench.test', 'DECISION_SUBMITTED', 'DecisionVersion', $2, $3::jsonb, NULL, $4)`, [
          members[0]!.id,
          rows[0]!.id,
          payload,
          `{"action":"DECISION_SUBMITTED","entityId":"${rows[0]!.id}","payload":${payload},"seq":"`,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };

    const results: { clients: number; http: Stats; raw: Stats; errors: number; cpu: { server: number; client: number; postgres: number } }[] = [];
    for (const clients of LEVELS) {
      const total = clients === 1 ? Math.ceil(SUBMITS / 4) : SUBMITS;
      const queues = await drafts(clients, total);
      let errors = 0;
      const before = { server: cpuSeconds(app.process.pid!), client: process.cpuUsage(), postgres: postgresCpuSeconds() };
      const http = await measure(clients, total, async (w, i) => {
        try {
          await submitOver(sessions[w]!, queues[w]![i]!);
        } catch (error) {
          errors++;
          if (errors <= 3) console.error(String(error));
        }
      });
      const clientCpu = process.cpuUsage(before.client);
      const cpu = {
        server: ((cpuSeconds(app.process.pid!) - before.server) * 1000) / total,
        client: (clientCpu.user + clientCpu.system) / 1000 / total,
        postgres: ((postgresCpuSeconds() - before.postgres) * 1000) / total,
      };
      const pool = new pg.Pool({ connectionString: database.url, max: clients });
      const raw = await measure(clients, total, () => rawSubmit(pool));
      await pool.end();
      results.push({ clients, http, raw, errors, cpu });
      console.log(`  ${clients} client(s): ${http.rate.toFixed(1)} submits/s over HTTP, raw pg ${raw.rate.toFixed(0)} tx/s${errors ? `, ${errors} errors` : ""}`);
    }

    const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
    console.log(`\nSubmissions through HTTP (real sessions, next start) vs raw pg, same rows, same run (${database.kind} PostgreSQL)\n`);
    console.log("| clients | HTTP submits/s | p50 ms | p95 ms | p99 ms | raw pg tx/s | raw p95 ms | ratio | errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      console.log(`| ${r.clients} | ${f(r.http.rate)} | ${f(r.http.p50)} | ${f(r.http.p95)} | ${f(r.http.p99)} | ${f(r.raw.rate)} | ${f(r.raw.p95)} | ${(r.http.rate / r.raw.rate).toFixed(2)}× | ${r.errors} |`);
    }
    console.log("\nCPU per HTTP submission (ms): the app server, this load generator, PostgreSQL (all of its processes)\n");
    console.log("| clients | app server | load generator | PostgreSQL |");
    console.log("|---|---|---|---|");
    for (const r of results) console.log(`| ${r.clients} | ${r.cpu.server.toFixed(1)} | ${r.cpu.client.toFixed(1)} | ${r.cpu.postgres.toFixed(1)} |`);
    await db.$disconnect();
  } finally {
    await app?.stop();
  }
});
