import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { EXAMPLE_ANSWERS } from "~/engine";
import { EXPORT_COLUMNS } from "~/features/decision-log/format";
import { expect, test, unique, uniqueKey, type UserFactory } from "./fixtures";
import { DecisionLogPage } from "./pages/log-page";
import { expectNoSeriousAxeViolations } from "./support/axe";

/**
 * One test's slice of the log: three decisions of Maya's team (the first approved by Raj on the
 * device, an override of the real-time recommendation: under engine 2.0 edge is card fraud's only
 * feasible alternative) and one of Omar's, all
 * under a tag of their own, so the test sees only its rows whatever else is in the log.
 */
async function arrangeLog(users: UserFactory) {
  const tag = `log-${uniqueKey()}`;
  const [maya, omar, raj] = await Promise.all([
    users.create({ name: "Maya", teams: ["new"] }),
    users.create({ name: "Omar", teams: ["new"] }),
    users.create({ name: "Raj", role: "REVIEWER" }),
  ]);
  const mayaTitles = [unique("Checkout fraud"), unique("Nightly forecasts"), unique("Card risk refresh")];
  const omarTitle = unique("Homepage ranking");
  const details = { description: "Created by the decision log browser test.", tags: [tag] };
  const ids: string[] = [];
  for (const [i, title] of mayaTitles.entries()) {
    ids.push(await maya.submitNew({ ...details, title }, EXAMPLE_ANSWERS[i === 1 ? "daily-sales-forecast" : "fraud-detection-checkout"]!.answers));
  }
  await omar.submitNew({ ...details, title: omarTitle }, EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers);
  await raj.decide({
    useCaseId: ids[0]!,
    number: 1,
    expectedVersion: 1,
    action: "APPROVE",
    approvedStrategy: "edge",
    comment: "The model is small enough to score in the checkout app.",
  });
  return { tag, maya, omar, raj, mayaTitles, omarTitle };
}

test.describe("the decision log", () => {
  test("a reviewer filters and sorts the log, exports CSV, and the file holds exactly the rows shown", async ({ page, users }) => {
    // Four decisions arranged through the services, six filtered views and an export: more than the default budget on a busy machine.
    test.slow();
    const { tag, maya, raj, mayaTitles } = await arrangeLog(users);
    await raj.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto();

    await log.search().fill(tag);
    await log.apply();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await expect(log.rows()).toHaveCount(4);
    // The first page comes rendered from the server (no loading state on arrival).
    expect(await (await page.request.get(`/decision-log?q=${tag}`)).text()).toContain(mayaTitles[0]);

    await log.team().selectOption({ label: maya.team.name });
    await log.apply();
    await expect(log.rows()).toHaveCount(3);
    expect((await log.titles()).sort()).toEqual([...mayaTitles].sort());

    await log.override().selectOption({ label: "Only overrides" });
    await log.apply();
    await expect(log.rows()).toHaveCount(1);
    await expect(log.rows().first()).toContainText(mayaTitles[0]!);
    await expect(log.rows().first()).toContainText("Approved");
    await expect(log.rows().first()).toContainText("Override");
    await log.override().selectOption({ label: "Overrides or not" });
    await log.apply();
    await expect(log.rows()).toHaveCount(3);

    // Sorting by title: the header says so, and the rows follow.
    await log.sortBy("Use case");
    await expect(log.columnHeader("Use case")).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(() => log.titles()).toEqual([...mayaTitles].sort());
    await log.sortBy("Use case");
    await expect(log.columnHeader("Use case")).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => log.titles()).toEqual([...mayaTitles].sort().reverse());
    await expect(log.search()).toHaveValue(tag);

    const shown = await log.titles();
    const downloading = page.waitForEvent("download");
    await log.exportButton("CSV").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^servewise-decision-log-\d{8}\.csv$/);
    const bytes = await readFile((await download.path())!);
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toContainText("with 3 rows");

    // The byte-order mark that makes a double-click open it as UTF-8, then the header.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe(EXPORT_COLUMNS.map((c) => c.header).join(","));
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(shown.length);
    expect(records.map((r) => r.use_case).sort()).toEqual([...shown].sort());
    expect(records.every((r) => r.team === maya.team.name && r.tags === tag)).toBe(true);
    expect(records.find((r) => r.use_case === mayaTitles[0])).toMatchObject({
      status: "APPROVED",
      recommended_strategy: "realtime",
      approved_strategy: "edge",
      override: "yes",
      reviewed_by: raj.name,
      submitted_by: maya.name,
    });
  });

  test("the Excel export holds the rows shown, typed, under a frozen header", async ({ page, users }) => {
    const { tag, raj, mayaTitles, omarTitle } = await arrangeLog(users);
    await raj.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(4);
    const downloading = page.waitForEvent("download");
    await log.exportButton("Excel").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^servewise-decision-log-\d{8}\.xlsx$/);
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toContainText("with 4 rows");

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.actualRowCount).toBe(5);
    const col = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header) + 1;
    const rows = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(col("use_case")).value).sort()).toEqual([...mayaTitles, omarTitle].sort());
    const approved = rows.find((r) => r.getCell(col("use_case")).value === mayaTitles[0])!;
    expect(approved.getCell(col("override")).value).toBe(true);
    expect(approved.getCell(col("reviewed_at")).value).toBeInstanceOf(Date);
    expect(typeof approved.getCell(col("confidence")).value).toBe("number");
  });

  test("a member sees, filters and exports only their team's decisions", async ({ page, users }) => {
    const { tag, omar, omarTitle } = await arrangeLog(users);
    await omar.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(1);
    expect(await log.titles()).toEqual([omarTitle]);
    await expect(log.team().getByRole("option")).toHaveText(["My team", omar.team.name]);

    const downloading = page.waitForEvent("download");
    await log.exportButton("JSON Lines").click();
    const text = await readFile((await (await downloading).path())!, "utf8");
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.use_case)).toEqual([omarTitle]);
  });

  test("bad filters are explained next to their fields, and nothing is exported", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto("?from=2026-03-01&to=2026-01-01");
    await expect(page.getByLabel("Submitted to")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();
    await expect(log.exportButton("CSV")).toBeDisabled();
  });

  test("the log has no serious accessibility violations", async ({ page, users }) => {
    const { tag, raj } = await arrangeLog(users);
    await raj.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(4);
    await expectNoSeriousAxeViolations(page);
  });
});
