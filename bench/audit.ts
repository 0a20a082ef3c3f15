/**
 * `npm run bench:audit`: verifying an audit chain of 1,000,000 events (BENCH_EVENTS), on a fresh
 * database, against a baseline measured in the same run: the same rows streamed out of
 * PostgreSQL by `psql \copy … TO STDOUT` into `sha256sum` (all the reading and hashing a
 * verification cannot avoid, none of its checks). Also: the same for the verifier's own COPY
 * statement (the canonical text), the page view's incremental check, and peak memory growth
 * (verification streams: it must not grow with the chain).
 *
 * The events are synthetic but valid: a mix of the trail's real actions and payload shapes
 * (quotes, non-ASCII text, newlines, nested objects), chained in Node exactly as
 * `audit_append` chains them (canonicalPrefix + seq) and loaded with COPY FROM STDIN.
 */
import { spawnSync } from "node:child_process";
import { hash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { withFreshDatabase } from "./fresh-db";
import { median, ms, timedWithPeakRss } from "./timing";
import { canonicalPrefix, GENESIS_HASH, type HashedFields } from "../src/server/audit";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
for (const [name, value, least] of [["BENCH_EVENTS", EVENTS, 2], ["BENCH_RUNS", RUNS, 1]] as const) {
  if (Number.isInteger(value) && value >= least) continue;
  console.error(`${name} must be a whole number of at least ${least} (got ${process.env[name]}).`);
  process.exit(2);
}
// The warm-up verifies the last 20,000 events, a page view the last 1,000: fewer on a smaller chain.
const WARM_FROM = Math.max(1, EVENTS - 20_000);
const PAGE_FROM = Math.max(1, EVENTS - 1000);

const STRATEGIES = ["batch", "realtime", "async", "streaming", "hybrid", "edge"];
const FIELDS = ["latencyBudgetMs", "peakRequestsPerSecond", "monthlyBudgetUsd", "payloadMB", "criticality", "needsGpu"];

/** The i-th synthetic event (deterministic): the trail's real shapes, in realistic proportions. */
function syntheticEvent(i: number, at: Date): Omit<HashedFields, "seq"> {
  const user = i % 97;
  const actor = { actorId: `cbenchuser${String(user).padStart(15, "0")}`, actorName: `Bench Person ${user} — Ünïcødé`, actorEmail: `person${user}@example.test` };
  const useCaseId = `cbenchusecase${String(i % 5000).padStart(12, "0")}`;
  const base = { occurredAt: at.toISOString(), requestId: i % 3 === 0 ? null : `req-${i.toString(36)}`, ...actor };
  switch (i % 6) {
    case 0:
      return { ...base, action: "USER_SIGNED_IN", entityType: "User", entityId: actor.actorId, payload: { method: i % 12 === 0 ? "sso" : "password" } };
    case 1:
      return {
        ...base,
        action: "DRAFT_EDITED",
        entityType: "UseCase",
        entityId: useCaseId,
        payload: { fields: FIELDS.slice(i % 4, (i % 4) + 2), revision: (i % 40) + 1, coalescedUntil: new Date(at.getTime() + 600_000).toISOString() },
      };
    case 2:
      return {
        ...base,
        action: "DECISION_SUBMITTED",
        entityType: "DecisionVersion",
        entityId: `cbenchversion${String(i).padStart(12, "0")}`,
        payload: {
          useCaseId,
          versionNumber: (i % 9) + 1,
          recommended: STRATEGIES[i % 6]!,
          confidence: Math.round(((i % 100) / 100) * 1000) / 1000,
          engineVersion: "2.4.0",
          idempotencyKey: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          statusBefore: "DRAFT",
          statusAfter: "SUBMITTED",
          contributorIds: [actor.actorId],
        },
      };
    case 3:
      return {
        ...base,
        action: "DECISION_APPROVED",
        entityType: "DecisionVersion",
        entityId: `cbenchversion${String(i - 1).padStart(12, "0")}`,
        payload: {
          useCaseId,
          versionNumber: (i % 9) + 1,
          statusBefore: "SUBMITTED",
          statusAfter: "APPROVED",
          version: 2,
          comment: i % 2 ? null : `Looks "fine" to me;\nships on ${STRATEGIES[i % 6]} — ✓`,
          recommended: STRATEGIES[i % 6]!,
          approvedStrategy: STRATEGIES[(i + (i % 5 === 0 ? 1 : 0)) % 6]!,
          override: i % 5 === 0 ? { justification: "Cheaper at our volume \\ tested", softConstraintsOverridden: ["cost-vs-budget"] } : null,
        },
      };
    case 4:
      return {
        ...base,
        action: "COMMENT_ADDED",
        entityType: "Comment",
        entityId: `cbenchcomment${String(i).padStart(12, "0")}`,
        payload: { useCaseId, versionNumber: (i % 9) + 1, body: `Comment ${i}: what is the p99 at peak?\tTab, "quotes", émoji 🚀` },
      };
    default:
      return {
        ...base,
        action: "DECISION_LOG_EXPORTED",
        entityType: "DecisionLog",
        entityId: "decision-log",
        payload: { format: i % 2 ? "csv" : "jsonl", filter: { status: "APPROVED", q: `fraud ${i % 10}` }, rows: i % 1000 },
      };
  }
}

/** COPY text format: backslash, tab, newline and CR escaped. */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Chains EVENTS events the way audit_append does and loads them with COPY FROM STDIN. */
async function seedChain(client: pg.Client) {
  const start = Date.UTC(2026, 0, 1);
  let prev = GENESIS_HASH;
  function* lines() {
    let buffer = "";
    for (let i = 1; i <= EVENTS; i++) {
      const at = new Date(start + i * 1000);
      const fields = syntheticEvent(i, at);
      const h = hash("sha256", `${prev}${canonicalPrefix(fields)}${i}"}`, "hex");
      buffer += `${i}\t${fields.occurredAt}\t${copyText(fields.actorId)}\t${copyText(fields.actorName)}\t${copyText(fields.actorEmail)}\t${fields.action}\t${fields.entityType}\t${fields.entityId}\t${copyText(JSON.stringify(fields.payload))}\t${copyText(fields.requestId)}\t${prev}\t${h}\n`;
      prev = h;
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = "";
      }
    }
    if (buffer) yield buffer;
  }
  // Loading is faster without the secondary indexes; they are rebuilt as the migrations made them.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'AuditEvent' AND indexname <> 'AuditEvent_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await pipeline(
    Readable.from(lines()),
    client.query(copyFrom(`COPY "AuditEvent" (seq, "occurredAt", "actorId", "actorName", "actorEmail", action, "entityType", "entityId", payload, "requestId", "prevHash", hash) FROM STDIN`)),
  );
  for (const index of indexes) await client.query(index.indexdef);
  await client.query(`ANALYZE "AuditEvent"`);
  return prev;
}

/** `psql \copy (statement) TO STDOUT | sha256sum`, timed. */
function psqlIntoSha256(statement: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync("bash", ["-o", "pipefail", "-c", `psql "$BENCH_URL" -q -c "\\copy (${statement.replace(/\s+/g, " ").replace(/"/g, '\\"')}) TO STDOUT" | sha256sum`], {
    encoding: "utf8",
    env: { ...process.env, BENCH_URL: process.env.DATABASE_URL },
  });
  if (r.status !== 0) throw new Error(`psql | sha256sum failed: ${r.stderr}`);
  return ms(t);
}

await withFreshDatabase("servewise_bench_audit", async (database) => {
  // The server's superuser: the synthetic chain goes in by COPY with the indexes dropped and
  // the append-only guard off, which the app role may never do.
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const seeded = process.hrtime.bigint();
  const head = await seedChain(admin);
  const { rows } = await admin.query<{ mb: string }>(`SELECT round(pg_total_relation_size('"AuditEvent"') / 1048576.0) AS mb`);
  console.log(`seeded ${EVENTS.toLocaleString("en")} chained audit events (${rows[0]!.mb} MB with indexes) in ${(ms(seeded) / 1000).toFixed(1)} s`);
  await admin.end();

  const { chainCopyStatement, verifyAuditChain, verifyChainRange } = await import("../src/features/audit/queries");
  const { getPool } = await import("../src/server/db");
  const canonicalStatement = chainCopyStatement(0n, BigInt(EVENTS)).replace(/^COPY \((.*)\) TO STDOUT$/s, "$1");

  // Warm the table into the cache, and the verifier's code into the JIT (not timed).
  psqlIntoSha256(`SELECT * FROM "AuditEvent" ORDER BY seq`);
  const hashAt = async (seq: number) => (await getPool().query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE seq = $1`, [seq])).rows[0]!.hash;
  await verifyChainRange({ afterSeq: BigInt(WARM_FROM), prevHash: await hashAt(WARM_FROM), throughSeq: BigInt(EVENTS) });

  const baseline: number[] = [];
  const canonical: number[] = [];
  const verify: number[] = [];
  let peakGrowthMb = 0;
  for (let i = 0; i < RUNS; i++) {
    baseline.push(psqlIntoSha256(`SELECT * FROM "AuditEvent" ORDER BY seq`));
    canonical.push(psqlIntoSha256(canonicalStatement));
    const { result: report, ms: took, peakRssGrowthMb } = await timedWithPeakRss(() => verifyAuditChain());
    verify.push(took);
    peakGrowthMb = Math.max(peakGrowthMb, peakRssGrowthMb);
    if (!report.ok || report.events !== EVENTS || report.head !== head) throw new Error(`verification did not pass: ${JSON.stringify(report)}`);
  }

  // A page view: the events since a checkpoint 1,000 events back.
  const anchor = await hashAt(PAGE_FROM);
  const incremental: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = process.hrtime.bigint();
    const r = await verifyChainRange({ afterSeq: BigInt(PAGE_FROM), prevHash: anchor, throughSeq: BigInt(EVENTS) });
    incremental.push(ms(t));
    if (!r.ok) throw new Error("incremental verification did not pass");
  }
  await getPool().end();

  const b = median(baseline);
  const c = median(canonical);
  const v = median(verify);
  console.log(`\nfull verification of ${EVENTS.toLocaleString("en")} events, median of ${RUNS}:`);
  console.log(`  baseline: psql \\copy of the rows | sha256sum        ${b.toFixed(0)} ms`);
  console.log(`  psql \\copy of the canonical text | sha256sum         ${c.toFixed(0)} ms   (${(c / b).toFixed(2)}x the baseline)`);
  console.log(`  audit verification (streamed, every hash recomputed)  ${v.toFixed(0)} ms   ratio ${(v / b).toFixed(2)}x   (aim <= 3x: ${v / b <= 3 ? "PASS" : "MISS"})`);
  console.log(`  peak RSS growth during verification                 ${peakGrowthMb.toFixed(1)} MB`);
  console.log(`  incremental check of the last ${(EVENTS - PAGE_FROM).toLocaleString("en")} events (a page view), median of 9: ${median(incremental).toFixed(1)} ms`);
});
