/**
 * `npm run bench:export`: exporting 100,000 decisions (BENCH_ROWS) through the app (snapshot, count
 * and audit event, then PostgreSQL's COPY -> CSV with formula neutralisation, CRLF) against `psql
 * \copy` of the rows' statement, in one run on a fresh database; the same rows as an Excel workbook
 * (cursor -> exceljs's streaming writer -> zip) at two sizes — every row, and the fifth of them one
 * status filter leaves — against the CSV export of the same rows and `psql \copy`, with peak RSS
 * growth and, in one more untimed run, the memory really retained (neither may grow with the
 * rows); and decision-log page latency (keyset, first page and ~95,000 rows deep) against the
 * same query with OFFSET. Prints times, ratios and memory.
 */
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { withFreshDatabase } from "./fresh-db";
import { median, ms, peakRetainedMb, timedWithPeakRss } from "./timing";
import { insertSyntheticDecisions } from "../scripts/db/synthetic";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

await withFreshDatabase("servewise_bench", async (database) => {
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
  const { decisionLogFilterSchema } = await import("../src/features/decision-log/schema");
  const { getPool } = await import("../src/server/db");
  const { inlineParams } = await import("../src/server/export/copy-csv");
  const actor = { id: "bench-user", name: "Bench User", email: "bench@example.test", role: "REVIEWER" as const, active: true };
  const { text } = decisionLogExport(actor, {}, null).rows;

  /** `psql \copy` of the rows' statement for `filter` to /dev/null: the baseline (three runs). */
  function psqlCopyTimes(filter: Record<string, string>) {
    const { text, values } = decisionLogExport(actor, decisionLogFilterSchema.parse(filter), null).rows;
    const statement = inlineParams(text, values, pg.escapeLiteral).replace(/\s+/g, " ");
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync("psql", [database.url, "-q", "-c", `\\copy (${statement}) TO '/dev/null' WITH (FORMAT csv, HEADER)`], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      times.push(ms(t));
    }
    return times;
  }

  // The app, as the endpoint runs it: snapshot + count, the audit event committed, then the body
  // (CSV: COPY -> neutralised CRLF CSV; .xlsx: cursor -> exceljs -> zip) -> a sink that only counts bytes.
  let bytes = 0;
  const sink = () => new Writable({ write(chunk: Buffer, _e, cb) { bytes += chunk.length; cb(); } });
  const exportOnce = async (format: "csv" | "xlsx", filter: Record<string, string>, requestId: string) => {
    bytes = 0;
    const { stream, rows } = await exportDecisionLog({ actor, now: new Date(), requestId }, { filter, format });
    await pipeline(stream, sink());
    return rows;
  };
  // Warm-up (not timed): a running server has its Prisma client (the audit write) and exceljs loaded already.
  await exportOnce("csv", {}, "bench-warm-up");
  await exportOnce("xlsx", { status: "REJECTED", to: "2026-01-31" }, "bench-warm-up-xlsx");
  /** Three timed exports of `filter` in `format`: median time, the rows, the file's size and the peak RSS growth. */
  async function timeExports(format: "csv" | "xlsx", filter: Record<string, string>) {
    const times: number[] = [];
    let peakMb = 0;
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const run = await timedWithPeakRss(() => exportOnce(format, filter, `bench-${format}-${i}`));
      times.push(run.ms);
      rows = run.result;
      peakMb = Math.max(peakMb, run.peakRssGrowthMb);
    }
    return { ms: median(times), bytes, rows, peakMb };
  }

  const copy = median(psqlCopyTimes({}));
  const csvRun = await timeExports("csv", {});
  const app = csvRun.ms;
  // The same rows as an Excel workbook at two sizes (the smaller first): time against the CSV
  // export and psql \copy of the same rows, and peak memory, which must not grow with the rows.
  const sizes = ([{ status: "APPROVED" }, {}] as Record<string, string>[]).map((filter) => ({ filter, copy: Object.keys(filter).length ? median(psqlCopyTimes(filter)) : copy }));
  const xlsxRuns = [];
  for (const size of sizes) {
    const csv = Object.keys(size.filter).length ? await timeExports("csv", size.filter) : csvRun;
    const xlsx = await timeExports("xlsx", size.filter);
    // Once more, untimed, collecting garbage as it goes: what the export really holds.
    const retainedMb = await peakRetainedMb(() => exportOnce("xlsx", size.filter, "bench-xlsx-retained"));
    xlsxRuns.push({ ...size, csv, xlsx, retainedMb });
  }

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

  console.log(`\nexport of ${ROWS.toLocaleString("en")} rows (${(csvRun.bytes / 1048576).toFixed(1)} MB CSV), median of 3:`);
  console.log(`  psql \\copy (baseline)   ${copy.toFixed(0)} ms`);
  console.log(`  app export (streamed)  ${app.toFixed(0)} ms   ratio ${(app / copy).toFixed(2)}x   (target <= 2x: ${app / copy <= 2 ? "PASS" : "MISS"})`);
  console.log(`  peak RSS growth        ${csvRun.peakMb.toFixed(1)} MB   (target < 100 MB: ${csvRun.peakMb < 100 ? "PASS" : "MISS"})`);
  for (const run of xlsxRuns) {
    const { xlsx, csv } = run;
    console.log(`\nthe same ${xlsx.rows.toLocaleString("en")} rows${Object.keys(run.filter).length ? ` (${new URLSearchParams(run.filter)})` : ""} as an Excel workbook (${(xlsx.bytes / 1048576).toFixed(1)} MB .xlsx), median of 3:`);
    console.log(`  CSV export             ${csv.ms.toFixed(0)} ms   psql \\copy ${run.copy.toFixed(0)} ms`);
    console.log(`  .xlsx export           ${xlsx.ms.toFixed(0)} ms   ${(xlsx.ms / csv.ms).toFixed(1)}x the CSV export, ${(xlsx.ms / run.copy).toFixed(1)}x psql \\copy`);
    console.log(`  peak RSS growth        ${xlsx.peakMb.toFixed(1)} MB   (target < 100 MB: ${xlsx.peakMb < 100 ? "PASS" : "MISS"})`);
    console.log(`  peak retained memory   ${run.retainedMb.toFixed(1)} MB   (heap + buffers after a garbage collection every 100 ms, untimed run)`);
  }
  console.log(`\ndecision log page of 50 rows, median of 15:`);
  console.log(`  keyset, first page     ${median(keysetFirst).toFixed(1)} ms`);
  console.log(`  keyset, ~95% deep      ${median(keysetDeep).toFixed(1)} ms`);
  console.log(`  OFFSET, ~95% deep      ${median(offsetDeep).toFixed(1)} ms   (keyset is ${(median(offsetDeep) / median(keysetDeep)).toFixed(1)}x faster)`);
});
