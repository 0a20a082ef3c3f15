import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { findUserByEmail } from "~/server/auth/identity";
import { listDecisionLog } from "~/features/decision-log/queries";
import { exportDecisionLog } from "~/features/decision-log/service";
import { insertSyntheticDecisions } from "../../scripts/db/synthetic";
import { asRole, makeTeam, makeUser } from "./helpers";

const ROWS = 100_000;

describe("decision log at 100,000 rows", () => {
  it("exports every row through a cursor with flat memory, and pages deep with keyset pagination", async () => {
    const team = await makeTeam("Scale");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const reviewer = await makeUser({ role: "REVIEWER" });
    await asRole("owner", (client) =>
      insertSyntheticDecisions(client, { teamId: team.id, userId: member.id, reviewerId: reviewer.id, count: ROWS, titlePrefix: "Scale" }),
    );
    const actor = (await findUserByEmail(member.email))!;

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const { stream } = await exportDecisionLog({ actor, now: new Date() }, { filter: { teamId: team.id }, format: "csv" });
    let lines = 0;
    let formulas = 0;
    let chunks = 0;
    for await (const chunk of stream as Readable) {
      const text = chunk.toString() as string;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
      formulas += text.split("'=SUM(A1)").length - 1;
      if (++chunks % 50 === 0) {
        global.gc?.();
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }
    }
    expect(lines).toBe(ROWS + 1); // header + every row
    expect(formulas).toBeGreaterThan(0);
    expect(global.gc, "run with --expose-gc (vitest.config.ts) so retained memory is measured").toBeTypeOf("function");
    const growthMb = (peakHeap - baseline.heapUsed) / 1024 / 1024;
    console.log(`export of ${ROWS} rows: retained heap growth ${growthMb.toFixed(1)} MB, rss growth ${((peakRss - baseline.rss) / 1024 / 1024).toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(50);

    // Keyset pagination: page 1 and a page ~95,000 rows deep return full pages in order.
    const first = await listDecisionLog(actor, { filter: { teamId: team.id }, sort: "submittedAt", dir: "desc", limit: 50 });
    expect(first.rows).toHaveLength(50);
    let cursor = first.nextCursor;
    let skipped = 50;
    while (skipped < 95_000 && cursor) {
      const page = await listDecisionLog(actor, { filter: { teamId: team.id }, sort: "submittedAt", dir: "desc", limit: 200, cursor });
      skipped += page.rows.length;
      cursor = page.nextCursor;
    }
    const deep = await listDecisionLog(actor, { filter: { teamId: team.id }, sort: "submittedAt", dir: "desc", limit: 50, cursor });
    expect(deep.rows).toHaveLength(50);
    expect(deep.rows[0]!.submittedAt.getTime()).toBeLessThan(first.rows[49]!.submittedAt.getTime());
  }, 240_000);
});
