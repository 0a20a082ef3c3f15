/**
 * `npm run bench:export`: exporting 100,000 decisions through the app (snapshot, count and audit
 * event, then PostgreSQL's COPY -> CSV with formula neutralisation, CRLF) against `psql \copy` of
 * the rows' statement, in one run on a fresh database; plus decision-log page latency (keyset,
 * first page and ~95,000 rows deep) against the same query with OFFSET; and the same rows as an
 * Excel workbook against the CSV export. Prints times, ratios and peak memory growth.
 */
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { median, ms } from "./timing";
import { createFreshDatabase } from "../scripts/db/server";
import { insertSyntheticDecisions } from "../scripts/db/synthetic";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const database = await createFreshDatabase("servewise_bench");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdefghijklmnop";


try {
  await database.migrate();
  // The owner: it may ANALYZE the tables after the bulk insert (the app role may not).
  const admin = new pg.Client({ connectionString: database.migrationUrl });
  await admin.connect();
  await admin.query(`INSERT INTO "Team" (id, name, slug) VALUES ('bench-team', 'Bench', 'bench')`);
  await admin.query(`INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ('bench-user', 'Bench User', 'bench@example.test', 'REVIEWER', now()), ('bench-rev', 'Bench Reviewer', 'rev@example.test', 'REVIEWER', now())`);
  const seeded = process.hrtime.bigint();
  await insertSyntheticDecisions(admin, { teamId: "bench-team", userId: "bench-user", reviewerId: "bench-rev", count: ROWS, titlePrefix: "Bench" });
  console.log(`seeded ${ROWS.toLocaleString("en")} decision versions in ${(ms(seeded) / 1000).toFixed(1)} s`);
  await admin.end();

  const { decisionLogExport, listDecisionLog } = await import("../src/features/decision-log/queries");
  const { exportDecisionLog } = await import("../src/features/decision-log/service");
  const { getPool } = await import("../src/server/db");
  const actor = { id: "bench-user", name: "Bench User", email: "bench@example.test", role: "REVIEWER" as const, active: true };
  const { text } = decisionLogExport(actor, {}, null).rows;

  // Baseline: psql \copy of the same statement, to /dev/null.
  const copyTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync("psql", [database.url, "-q", "-c", `\\copy (${text.replace(/\s+/g, " ")}) TO '/dev/null' WITH (FORMAT csv, HEADER)`], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    copyTimes.push(ms(t));
  }

  // The app, as the endpoint runs it: snapshot + count, the audit event committed, then COPY ->
  // neutralised CRLF CSV -> a sink that only counts bytes.
  const sink = () => new Writable({ write(chunk: Buffer, _e, cb) { bytes += chunk.length; cb(); } });
  let bytes = 0;
  // Warm-up (not timed): a running server has its Prisma client (the audit write) loaded already.
  await pipeline((await exportDecisionLog({ actor, now: new Date(), requestId: "bench-warm-up" }, { filter: {}, format: "csv" })).stream, sink());
  /** Three timed exports of every row in `format`: their times, the file's size and the peak RSS growth. */
  async function timeExports(format: "csv" | "xlsx") {
    const times: number[] = [];
    let peakMb = 0;
    for (let i = 0; i < 3; i++) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peakMb = Math.max(peakMb, (process.memoryUsage().rss - base) / 1048576);
      }, 20);
      const t = process.hrtime.bigint();
      bytes = 0;
      const { stream } = await exportDecisionLog({ actor, now: new Date(), requestId: `bench-${format}-${i}` }, { filter: {}, format });
      await pipeline(stream, sink());
      times.push(ms(t));
      clearInterval(sampler);
    }
    return { times, bytes, peakMb };
  }
  const csvRun = await timeExports("csv");
  const appTimes = csvRun.times;
  const peakGrowthMb = csvRun.peakMb;
  // The same rows as an Excel workbook (cursor -> exceljs's streaming writer -> zip), against the CSV above.
  const { times: xlsxTimes, bytes: xlsxBytes, peakMb: xlsxPeakGrowthMb } = await timeExports("xlsx");
  bytes = csvRun.bytes;

  // Pages: keyset (the app) vs OFFSET (what keyset avoids), first page and ~95k deep.
  const first = await listDecisionLog(actor, { filter: {}, limit: 50 });
  let cursor = first.nextCursor;
  for (let skipped = 50; skipped < ROWS * 0.95 && cursor; ) {
    const p = await listDecisionLog(actor, { filter: {}, limit: 200, cursor });
    skipped += p.rows.length;
    cursor = p.nextCursor;
  }
  const keysetFirst: number[] = [];
  const keysetDeep: number[] = [];
  const offsetDeep: number[] = [];
  for (let i = 0; i < 15; i++) {
    let t = process.hrtime.bigint();
    await listDecisionLog(actor, { filter: {}, limit: 50 });
    keysetFirst.push(ms(t));
    t = process.hrtime.bigint();
    await listDecisionLog(actor, { filter: {}, limit: 50, cursor });
    keysetDeep.push(ms(t));
    t = process.hrtime.bigint();
    await getPool().query(`${text} LIMIT 50 OFFSET ${Math.floor(ROWS * 0.95)}`);
    offsetDeep.push(ms(t));
  }
  await getPool().end();

  const copy = median(copyTimes);
  const app = median(appTimes);
  console.log(`\nexport of ${ROWS.toLocaleString("en")} rows (${(bytes / 1048576).toFixed(1)} MB CSV), median of 3:`);
  console.log(`  psql \\copy (baseline)   ${copy.toFixed(0)} ms`);
  console.log(`  app export (streamed)  ${app.toFixed(0)} ms   ratio ${(app / copy).toFixed(2)}x   (target <= 2x: ${app / copy <= 2 ? "PASS" : "MISS"})`);
  console.log(`  peak RSS growth        ${peakGrowthMb.toFixed(1)} MB   (target < 100 MB: ${peakGrowthMb < 100 ? "PASS" : "MISS"})`);
  const xlsx = median(xlsxTimes);
  console.log(`\nthe same ${ROWS.toLocaleString("en")} rows as an Excel workbook (${(xlsxBytes / 1048576).toFixed(1)} MB .xlsx), median of 3:`);
  console.log(`  app export (streamed)  ${xlsx.toFixed(0)} ms   ${(xlsx / app).toFixed(1)}x the CSV export, ${(xlsx / copy).toFixed(1)}x psql \\copy`);
  console.log(`  peak RSS growth        ${xlsxPeakGrowthMb.toFixed(1)} MB   (target < 100 MB: ${xlsxPeakGrowthMb < 100 ? "PASS" : "MISS"})`);
  console.log(`\ndecision log page of 50 rows, median of 15:`);
  console.log(`  keyset, first page     ${median(keysetFirst).toFixed(1)} ms`);
  console.log(`  keyset, ~95% deep      ${median(keysetDeep).toFixed(1)} ms`);
  console.log(`  OFFSET, ~95% deep      ${median(offsetDeep).toFixed(1)} ms   (keyset is ${(median(offsetDeep) / median(keysetDeep)).toFixed(1)}x faster)`);
} finally {
  await database.drop();
}
