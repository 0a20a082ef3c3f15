import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_ANSWERS } from "~/engine";
import { findUserByEmail } from "~/server/auth/identity";
import { listDecisionLog } from "~/features/decision-log/queries";
import { exportDecisionLog } from "~/features/decision-log/service";
import { EXPORT_COLUMNS } from "~/features/decision-log/format";
import { db } from "~/server/db";
import { callerFor, makeTeam, makeUser } from "./helpers";

type User = Awaited<ReturnType<typeof makeUser>>;
let teamA: Awaited<ReturnType<typeof makeTeam>>;
let teamB: Awaited<ReturnType<typeof makeTeam>>;
let memberA: User;
let memberB: User;
let reviewer: User;
const titles = ["=HYPERLINK(\"http://evil\")", "+1+2", "-2-3", "@SUM(A1)", "Plain fraud scorer", "Nightly batch \"quoted\", with comma"];

async function readAll(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

async function actorOf(user: User) {
  return (await findUserByEmail(user.email))!;
}

beforeAll(async () => {
  teamA = await makeTeam("LogA");
  teamB = await makeTeam("LogB");
  memberA = await makeUser({ teamSlugs: [teamA.slug] });
  memberB = await makeUser({ teamSlugs: [teamB.slug] });
  reviewer = await makeUser({ role: "REVIEWER" });
  // A submitter whose name starts with a tab, and one with a carriage return: formula vectors too.
  await db.user.update({ where: { id: memberA.id }, data: { name: "\t=cmd|' /C calc'!A0" } });
  await db.user.update({ where: { id: memberB.id }, data: { name: "\r=1+1" } });
  for (const [i, title] of titles.entries()) {
    const user = i % 2 === 0 ? memberA : memberB;
    const team = i % 2 === 0 ? teamA : teamB;
    const { id } = await callerFor(user).useCase.create({ teamId: team.id, title, description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: ["log-test"] });
    const answers = EXAMPLE_ANSWERS[i < 3 ? "fraud-detection-checkout" : "daily-sales-forecast"]!.answers;
    await callerFor(user).useCase.submit({ id, expectedRevision: 1, idempotencyKey: randomUUID(), answers });
    if (i === 4) await callerFor(reviewer).review.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE" });
  }
});

describe("decision log", () => {
  it("shows a member only their teams' decisions, and reviewers all of them", async () => {
    const forA = await listDecisionLog(await actorOf(memberA), { filter: { q: "" }, limit: 200 });
    const forReviewer = await listDecisionLog(await actorOf(reviewer), { filter: { teamId: teamB.id }, limit: 200 });
    expect(forA.rows.every((r) => r.team === teamA.name)).toBe(true);
    expect(forA.rows.filter((r) => r.team === teamA.name)).toHaveLength(3);
    expect(forReviewer.rows.map((r) => r.team)).toEqual([teamB.name, teamB.name, teamB.name]);
  });

  it("filters by status, strategy, override, text and date, and pages with a keyset cursor", async () => {
    const actor = await actorOf(reviewer);
    const approved = await listDecisionLog(actor, { filter: { status: "APPROVED", q: "plain fraud" } });
    expect(approved.rows.map((r) => r.title)).toEqual(["Plain fraud scorer"]);
    expect((await listDecisionLog(actor, { filter: { strategy: "batch", teamId: teamB.id } })).rows.map((r) => r.title).sort()).toEqual(
      ["@SUM(A1)", "Nightly batch \"quoted\", with comma"].sort(),
    );
    expect((await listDecisionLog(actor, { filter: { override: "yes", teamId: teamA.id } })).rows).toEqual([]);
    expect((await listDecisionLog(actor, { filter: { q: "log-test", to: "2000-01-01" } })).rows).toEqual([]);

    const all = await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "title", dir: "asc", limit: 200 });
    expect(all.rows).toHaveLength(6);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDecisionLog>> = await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "title", dir: "asc", limit: 4, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.rows.map((r) => r.id));

    // Back again (`before`), in both directions of a sort, the same rows in the same order.
    for (const dir of ["asc", "desc"] as const) {
      const whole = (await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "confidence", dir, limit: 200 })).rows.map((r) => r.id);
      const pages: string[][] = [];
      let page = await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "confidence", dir, limit: 4 });
      expect(page.prevCursor).toBeNull();
      page = await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "confidence", dir, limit: 4, cursor: page.nextCursor });
      expect(page.nextCursor).toBeNull();
      pages.unshift(page.rows.map((r) => r.id));
      while (page.prevCursor) {
        page = await listDecisionLog(actor, { filter: { q: "log-test" }, sort: "confidence", dir, limit: 4, before: page.prevCursor });
        pages.unshift(page.rows.map((r) => r.id));
        expect(page.nextCursor).not.toBeNull();
      }
      expect(pages.flat()).toEqual(whole);
      expect(pages[0]).toHaveLength(4);
    }
    await expect(listDecisionLog(actor, { filter: {}, cursor: all.rows[0]!.id, before: all.rows[1]!.id })).rejects.toThrow();
  });

  it("exports exactly the filtered rows as RFC 4180 CSV that parses back, neutralising every formula vector", async () => {
    const actor = await actorOf(reviewer);
    const filter = { q: "log-test" };
    const { stream } = await exportDecisionLog({ actor, now: new Date() }, { filter, format: "csv" });
    const body = await readAll(stream);
    expect(body.charAt(0)).toBe("\uFEFF"); // the UTF-8 byte-order mark, for spreadsheets
    const text = body.slice(1);
    const records = parse(text, { columns: true, bom: false }) as Record<string, string>[];
    const shown = await listDecisionLog(actor, { filter, limit: 200 });
    expect(records).toHaveLength(shown.rows.length);
    expect(text.split("\r\n")[0]).toBe(EXPORT_COLUMNS.map((c) => c.header).join(","));
    for (const record of records) {
      for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const byTitle = Object.fromEntries(records.map((r) => [r.use_case, r]));
    expect(Object.keys(byTitle).sort()).toEqual(
      ["'=HYPERLINK(\"http://evil\")", "'+1+2", "'-2-3", "'@SUM(A1)", "Plain fraud scorer", "Nightly batch \"quoted\", with comma"].sort(),
    );
    expect(records.some((r) => r.submitted_by === "'\t=cmd|' /C calc'!A0")).toBe(true);
    expect(records.some((r) => r.submitted_by === "'\r=1+1")).toBe(true);
    // Round trip: the same decisions, in the same order as the log shows them.
    expect(records.map((r) => r.decision_id)).toEqual(shown.rows.map((r) => r.id));
    expect(byTitle["Plain fraud scorer"]).toMatchObject({ status: "APPROVED", recommended_strategy: "batch", approved_strategy: "batch", override: "no" });
  });

  it("exports JSON Lines, only what a member may see, and audits who exported what", async () => {
    const actor = await actorOf(memberB);
    const before = await db.auditEvent.count({ where: { action: "DECISION_LOG_EXPORTED", actorId: memberB.id } });
    const { stream } = await exportDecisionLog({ actor, now: new Date() }, { filter: { q: "log-test" }, format: "jsonl" });
    const lines = (await readAll(stream)).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.team === teamB.name)).toBe(true);
    await expect.poll(() => db.auditEvent.count({ where: { action: "DECISION_LOG_EXPORTED", actorId: memberB.id } })).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "DECISION_LOG_EXPORTED", actorId: memberB.id }, orderBy: { seq: "desc" } });
    expect(event.payload).toEqual({ format: "jsonl", filter: { q: "log-test" }, rows: 3 });
  });

  it("rejects unknown formats and bad filters with field errors", async () => {
    const actor = await actorOf(reviewer);
    await expect(exportDecisionLog({ actor, now: new Date() }, { filter: {}, format: "xls" })).rejects.toMatchObject({ fieldErrors: { format: ["Choose csv, jsonl or xlsx."] } });
    await expect(exportDecisionLog({ actor, now: new Date() }, { filter: { status: "LOST", from: "yesterday" }, format: "csv" })).rejects.toMatchObject({
      fieldErrors: { status: expect.any(Array), from: ["Use a date like 2026-11-28."] },
    });
  });
});
