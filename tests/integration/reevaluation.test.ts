import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { ENGINE_VERSION, EXAMPLE_ANSWERS, recommend, STRATEGIES, type StrategyId } from "~/engine";
import { refreshReevaluations } from "~/features/decisions/service";
import { exportDecisionLog } from "~/features/decision-log/service";
import { findUserByEmail } from "~/server/auth/identity";
import { db } from "~/server/db";
import { callerFor, codeOf, makeTeam, makeUser } from "./helpers";

/**
 * Issue 12, migration: stored decisions keep the engine version they were made with; the decision
 * log's "would change under the current engine" filter, the review queue's badge and the decision
 * page's re-evaluation agree on which decisions today's engine would recommend differently.
 */
type User = Awaited<ReturnType<typeof makeUser>>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let member: User;
let reviewer: User;
const tag = `reeval-${randomUUID().slice(0, 8)}`;
const ids: Record<"changed" | "same" | "current", { useCaseId: string; number: number }> = {} as never;
const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
const today = recommend(answers) as StrategyId;
const other: StrategyId = STRATEGIES.find((s) => s !== today)!;

/** Rewrites a stored version as if an older engine had scored it, recommending `recommended`. */
async function scoredByOldEngine(useCaseId: string, recommended: StrategyId) {
  const row = await db.decisionVersion.findFirstOrThrow({ where: { useCaseId, number: 1 }, select: { id: true, assessment: true } });
  const assessment = { ...(row.assessment as Record<string, unknown>), engineVersion: "0.9.0", recommended };
  await db.decisionVersion.update({ where: { id: row.id }, data: { engineVersion: "0.9.0", recommended, assessment } });
}

async function readAll(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

beforeAll(async () => {
  team = await makeTeam("Reeval");
  member = await makeUser({ teamSlugs: [team.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
  for (const kind of ["changed", "same", "current"] as const) {
    const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: `${kind} ${tag}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [tag] });
    await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
    ids[kind] = { useCaseId: id, number: 1 };
  }
  await scoredByOldEngine(ids.changed.useCaseId, other);
  await scoredByOldEngine(ids.same.useCaseId, today);
});

describe("would change under the current engine", () => {
  it("filters the decision log (and keeps each version's own engine version and assessment)", async () => {
    const caller = callerFor(reviewer);
    const yes = await caller.decisionLog.list({ filter: { q: tag, changed: "yes" }, limit: 200 });
    expect(yes.rows.map((r) => r.title)).toEqual([`changed ${tag}`]);
    expect(yes.rows[0]!.engineVersion).toBe("0.9.0");
    expect(yes.rows[0]!.recommended).toBe(other);
    const no = await caller.decisionLog.list({ filter: { q: tag, changed: "no" }, limit: 200 });
    expect(no.rows.map((r) => r.title).sort()).toEqual([`current ${tag}`, `same ${tag}`].sort());
    const all = await caller.decisionLog.list({ filter: { q: tag }, limit: 200 });
    expect(all.rows).toHaveLength(3);
    // The stored assessment is untouched: still the old engine's.
    const stored = await caller.decision.get(ids.changed);
    expect(stored.engineVersion).toBe("0.9.0");
    expect(stored.assessment.recommended).toBe(other);
  });

  it("pages with the keyset cursor under the filter", async () => {
    const caller = callerFor(reviewer);
    // Two more changed decisions, then read them two at a time.
    for (let k = 0; k < 2; k++) {
      const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: `changed-${k} ${tag}`, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [tag] });
      await callerFor(member).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
      await scoredByOldEngine(id, other);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.decisionLog.list>> = await caller.decisionLog.list({ filter: { q: tag, changed: "yes" }, sort: "title", dir: "asc", limit: 2, cursor });
      seen.push(...page.rows.map((r) => r.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([`changed ${tag}`, `changed-0 ${tag}`, `changed-1 ${tag}`]);
  });

  it("agrees with the decision page's re-evaluation", async () => {
    const caller = callerFor(reviewer);
    const changed = await caller.review.state(ids.changed);
    expect(changed.reevaluation).toMatchObject({ engineVersion: ENGINE_VERSION, recommended: today, changed: true });
    // Worded on the server for the page (no engine code in the browser): one line per moved figure.
    expect(changed.reevaluation!.differences.length).toBeGreaterThan(0);
    for (const d of changed.reevaluation!.differences) {
      expect(d.label).toMatch(/\S/);
      expect(d.label).not.toBe(d.path);
      expect(typeof d.beforeText).toBe("string");
      expect(typeof d.afterText).toBe("string");
    }
    const same = await caller.review.state(ids.same);
    expect(same.reevaluation).toMatchObject({ recommended: today, changed: false });
    expect((await caller.review.state(ids.current)).reevaluation).toBeNull();
  });

  it("marks the submitted decision in the review queue", async () => {
    const queue = await callerFor(reviewer).review.queue({ teamId: team.id });
    const byTitle = new Map(queue.map((r) => [r.useCase.title, r]));
    expect(byTitle.get(`changed ${tag}`)!.changedUnderCurrentEngine).toEqual({ to: today });
    expect(byTitle.get(`same ${tag}`)!.changedUnderCurrentEngine).toBeNull();
    expect(byTitle.get(`current ${tag}`)!.changedUnderCurrentEngine).toBeNull();
  });

  it("re-scores rows computed under another engine version or price table (the key holds both)", async () => {
    const before = await refreshReevaluations();
    expect(before.startsWith(`${ENGINE_VERSION}+`)).toBe(true);
    // A row computed under another key is stale: the next read re-scores it.
    await db.decisionVersion.updateMany({ where: { useCase: { teamId: team.id } }, data: { reevaluatedWith: "0.0.1+stale", wouldChange: false } });
    const yes = await callerFor(reviewer).decisionLog.list({ filter: { q: tag, changed: "yes" }, limit: 200 });
    expect(yes.rows.map((r) => r.title)).toContain(`changed ${tag}`);
    expect(await refreshReevaluations()).toBe(before);
  });

  it("exports exactly what the filter shows", async () => {
    const actor = (await findUserByEmail(reviewer.email))!;
    const { stream } = await exportDecisionLog({ actor, now: new Date() }, { filter: { q: tag, changed: "yes" }, format: "jsonl" });
    const titles = (await readAll(stream)).trim().split("\n").map((l) => (JSON.parse(l) as { use_case: string }).use_case);
    expect(titles.sort()).toEqual([`changed ${tag}`, `changed-0 ${tag}`, `changed-1 ${tag}`]);
  });

  it("refuses an unknown value with a field message (400), and keeps members to their teams", async () => {
    expect(await codeOf(callerFor(reviewer).decisionLog.list({ filter: { changed: "maybe" as "yes" } }))).toBe("BAD_REQUEST");
    const outsider = await makeUser({ teamSlugs: [(await makeTeam("Other")).slug] });
    expect((await callerFor(outsider).decisionLog.list({ filter: { q: tag, changed: "yes" } })).rows).toEqual([]);
  });
});
