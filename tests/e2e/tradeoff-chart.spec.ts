/**
 * The trade-off chart (issue 13, item 4): on the decision page, each strategy's p99 latency
 * against its monthly cost with both budgets drawn as lines, ruled-out strategies marked and
 * the approved one flagged; the same picture small in the questionnaire's live recommendation,
 * drawn on the server from the saved draft and again after each autosave. Desktop, 1366×800;
 * axe finds nothing serious.
 */
import { EXAMPLE_ANSWERS, getQuestion, questionnaire } from "~/engine";
import { expect, test, unique } from "./fixtures";
import { QuestionnairePage } from "./pages/use-case-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;

test.use({ viewport: { width: 1366, height: 800 } });

test("the decision page charts latency against cost with both budgets, ruled-out strategies and the approved one", { tag: "@phone" }, async ({ page, users }) => {
  test.setTimeout(90_000); // a submission, a review and an accessibility scan of the longest page
  const member = await users.create({ teams: ["new"] });
  const reviewer = await users.create({ role: "REVIEWER" });
  const id = await member.submitNew({ title: unique("Chart") }, { ...fraud.answers, monthlyBudgetUsd: 5_000 });
  // Engine 2.0: async is ruled out (a queued score cannot meet 150 ms); edge is the feasible alternative.
  await reviewer.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "APPROVE", approvedStrategy: "edge", comment: "The model is small enough to score in the checkout app." });
  await member.signIn(page);
  await page.goto(`/use-cases/${id}/versions/1`);

  const chart = page.getByTestId("tradeoff-chart");
  await expect(chart).toBeVisible();
  const picture = chart.getByRole("img", { name: /Latency against monthly cost/ });
  await expect(picture).toBeVisible();
  await expect(chart.getByTestId("latency-budget-line")).toContainText("Latency budget 150 ms");
  await expect(chart.getByTestId("monthly-budget-line")).toContainText("Monthly budget $5,000");
  // Every strategy with both figures is drawn and labelled; the approved one says so in words.
  await expect(chart.getByTestId("tradeoff-point")).toHaveCount(4);
  await expect(chart.locator('[data-testid="tradeoff-point"][data-strategy="edge"]')).toContainText("Edge / on-device · approved");
  await expect(chart.locator('[data-testid="tradeoff-point"][data-strategy="realtime"]')).toContainText("Real-time endpoint");
  await expect(chart.locator('[data-testid="tradeoff-point"][data-strategy="async"]')).not.toContainText("approved");
  // Batch is ruled out and its cost unknown: not drawn, and the caption says why.
  await expect(chart.getByText(/Not drawn \(a figure is unknown\): .*Batch scoring/)).toBeVisible();
  // The figures as a table, for those who would rather read.
  await chart.getByText("Show the figures as a table").click();
  const table = chart.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(7);
  await expect(table.getByRole("row", { name: /Edge/ })).toContainText("Approved");
  await expect(table.getByRole("row", { name: /Asynchronous/ })).toContainText("Ruled out");
  await expect(table.getByRole("row", { name: /Batch/ })).toContainText("Ruled out");
  await expect(table.getByRole("row", { name: /Hybrid/ })).toContainText("unknown");
  await expectNoSeriousAxeViolations(page);
});

test("the live recommendation shows the same chart, small, as the answers come in", { tag: "@phone" }, async ({ page, users }) => {
  test.setTimeout(90_000); // an autosave and the server's new drawing, then an accessibility scan
  const member = await users.create({ teams: ["new"] });
  const id = await member.createUseCase({ title: unique("Live chart") });
  await member.saveDraft(id, fraud.answers);
  await member.signIn(page);
  await page.goto(`/use-cases/${id}/edit`);

  const live = new QuestionnairePage(page).livePanel();
  const chart = live.getByTestId("tradeoff-chart-small");
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("img", { name: /Live trade-offs/ })).toBeVisible();
  await expect(chart.getByTestId("latency-budget-line")).toContainText("150 ms");
  await expect(chart.getByTestId("tradeoff-point")).toHaveCount(4);
  await expect(chart.getByTestId("monthly-budget-line")).toContainText("$5,000");
  await expectNoSeriousAxeViolations(page);

  // A new latency budget is saved, and the server draws the chart again with it.
  const latency = getQuestion("latencyBudgetMs")!;
  const form = new QuestionnairePage(page);
  await form.goToStep(questionnaire.find((s) => s.questions.includes(latency))!.title);
  await form.numberInput(latency).fill("400 ms");
  await expect(chart.getByTestId("latency-budget-line")).toContainText("400 ms");
  await expect(form.saveStatus()).toHaveText(/^Saved · /);
  await expect(chart.getByTestId("monthly-budget-line")).toContainText("$5,000");
});
