import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { EXAMPLE_ANSWERS } from "~/engine";
import { EXPORT_COLUMNS } from "~/features/decision-log/format";
import { DEMO_USERS } from "../../prisma/demo-users";
import { signInAs } from "./pages/sign-in-page";
import { DecisionLogPage, trpc } from "./pages/log-page";

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const maya = user("maya@servewise.test");
const omar = user("omar@servewise.test");
const raj = user("raj@servewise.test");

// This run's decisions share a tag, so the tests see only their own rows whatever else is in the log.
const stamp = Date.now().toString(36);
const tag = `log-${stamp}`;
const mayaTitles = [`Checkout fraud ${stamp}`, `Nightly forecasts ${stamp}`, `Card risk refresh ${stamp}`];
const omarTitle = `Homepage ranking ${stamp}`;

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, who.email, who.password);
  return page;
}

/** Creates and submits a use case through the tRPC HTTP API, as the signed-in member. */
async function submitDecision(page: Page, title: string, example: string): Promise<string> {
  const [team] = await trpc<{ id: string }[]>(page.request, "account.myTeams", undefined, "query");
  const { id } = await trpc<{ id: string }>(page.request, "useCase.create", {
    teamId: team!.id,
    title,
    description: "Created by the decision log browser test.",
    owner: "",
    modelRepoUrl: "",
    dashboardUrl: "",
    tags: [tag],
  });
  await trpc(page.request, "useCase.submit", { id, expectedRevision: 1, idempotencyKey: randomUUID(), answers: EXAMPLE_ANSWERS[example]!.answers });
  return id;
}

test.describe("the decision log", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(60_000);
    const mayaPage = await signedIn(browser, maya);
    const ids = [];
    for (const [i, title] of mayaTitles.entries()) ids.push(await submitDecision(mayaPage, title, i === 1 ? "daily-sales-forecast" : "fraud-detection-checkout"));
    const omarPage = await signedIn(browser, omar);
    await submitDecision(omarPage, omarTitle, "daily-sales-forecast");
    // Raj approves the fraud scorer as an asynchronous endpoint: an override of the real-time recommendation.
    const rajPage = await signedIn(browser, raj);
    await trpc(rajPage.request, "review.decide", {
      useCaseId: ids[0],
      number: 1,
      expectedVersion: 1,
      action: "APPROVE",
      approvedStrategy: "async",
      comment: "Checkout can wait for a queued score: the platform team already runs the queue.",
    });
    for (const page of [mayaPage, omarPage, rajPage]) await page.context().close();
  });

  test("a reviewer filters and sorts the log, exports CSV, and the file holds exactly the rows shown", async ({ page }) => {
    await signInAs(page, raj.email, raj.password);
    const log = new DecisionLogPage(page);
    await log.goto();

    await log.search().fill(tag);
    await log.apply();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await expect(log.rows()).toHaveCount(4);
    // The first page comes rendered from the server (no loading state on arrival).
    expect(await (await page.request.get(`/decision-log?q=${tag}`)).text()).toContain(mayaTitles[0]);

    await log.team().selectOption({ label: "Payments Risk" });
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
    const text = await readFile((await download.path())!, "utf8");
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toContainText("with 3 rows");

    expect(text.split("\r\n")[0]).toBe(EXPORT_COLUMNS.map((c) => c.header).join(","));
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(shown.length);
    expect(records.map((r) => r.use_case).sort()).toEqual([...shown].sort());
    expect(records.every((r) => r.team === "Payments Risk" && r.tags === tag)).toBe(true);
    expect(records.find((r) => r.use_case === mayaTitles[0])).toMatchObject({
      status: "APPROVED",
      recommended_strategy: "realtime",
      approved_strategy: "async",
      override: "yes",
      reviewed_by: raj.name,
      submitted_by: maya.name,
    });
  });

  test("a member sees, filters and exports only their team's decisions", async ({ page }) => {
    await signInAs(page, omar.email, omar.password);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(1);
    expect(await log.titles()).toEqual([omarTitle]);
    await expect(log.team().getByRole("option")).toHaveText(["My team", "Growth & Personalisation"]);

    const downloading = page.waitForEvent("download");
    await log.exportButton("JSON Lines").click();
    const text = await readFile((await (await downloading).path())!, "utf8");
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.use_case)).toEqual([omarTitle]);
  });

  test("bad filters are explained next to their fields, and nothing is exported", async ({ page }) => {
    await signInAs(page, omar.email, omar.password);
    const log = new DecisionLogPage(page);
    await log.goto("?from=2026-03-01&to=2026-01-01");
    await expect(page.getByLabel("Submitted to")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();
    await expect(log.exportButton("CSV")).toBeDisabled();
  });

  test("the log has no serious accessibility violations", async ({ page }) => {
    await signInAs(page, raj.email, raj.password);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(4);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) }))).toEqual([]);
  });
});
