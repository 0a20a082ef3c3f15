import pg from "pg";
import { EXAMPLE_ANSWERS, recommend, STRATEGIES, STRATEGY_LABELS } from "~/engine";
import { expect, test, unique, uniqueKey } from "./fixtures";
import { DecisionLogPage } from "./pages/log-page";
import { expectNoSeriousAxeViolations } from "./support/axe";

/**
 * Issue 12, migration: a decision scored by an older engine whose recommendation today's engine
 * would change is found with the decision log's filter, and marked in the review queue.
 */
test.describe("decisions the current engine would change", () => {
  test("a reviewer filters the log to them and sees them marked in the review queue", async ({ page, users, serverInfo }) => {
    test.setTimeout(240_000); // two submissions, a sign-in and two pages with axe, on a shared machine
    const tag = `engine-${uniqueKey()}`;
    const [maya, raj] = await Promise.all([users.create({ name: "Maya", teams: ["new"] }), users.create({ name: "Raj", role: "REVIEWER" })]);
    const answers = EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers;
    const today = recommend(answers)!;
    const before = STRATEGIES.find((s) => s !== today)!;
    const changedTitle = unique("Scored by engine 0.9");
    const keptTitle = unique("Scored today");
    const changedId = await maya.submitNew({ title: changedTitle, description: "Scored by an older engine.", tags: [tag] }, answers);
    await maya.submitNew({ title: keptTitle, description: "Scored by the current engine.", tags: [tag] }, answers);
    // As if engine 0.9.0 had scored it and recommended another strategy.
    const client = new pg.Client({ connectionString: serverInfo.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `UPDATE "DecisionVersion" SET "engineVersion" = '0.9.0', recommended = $2,
           assessment = jsonb_set(jsonb_set(assessment, '{engineVersion}', '"0.9.0"'), '{recommended}', to_jsonb($3::text))
         WHERE "useCaseId" = $1`,
        [changedId, before, before],
      );
    } finally {
      await client.end();
    }

    await raj.signIn(page);
    const log = new DecisionLogPage(page);
    await log.goto(`?q=${tag}`);
    await expect(log.rows()).toHaveCount(2);
    const filter = page.getByLabel(/^Under the current engine \(\d+\.\d+\.\d+\)$/);
    await filter.selectOption({ label: "Would change the recommendation" });
    await log.apply();
    await expect(page).toHaveURL(/changed=yes/);
    await expect(log.rows()).toHaveCount(1);
    expect(await log.titles()).toEqual([changedTitle]);
    await expect(filter).toHaveValue("yes");
    await expectNoSeriousAxeViolations(page);

    await filter.selectOption({ label: "Would keep the recommendation" });
    await log.apply();
    await expect(log.rows()).toHaveCount(1);
    expect(await log.titles()).toEqual([keptTitle]);

    await page.goto("/review");
    const changedRow = page.getByRole("row").filter({ hasText: changedTitle });
    await expect(changedRow.getByTestId("engine-changed")).toContainText(`would recommend ${STRATEGY_LABELS[today]}`);
    await expect(page.getByRole("row").filter({ hasText: keptTitle }).getByTestId("engine-changed")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  });
});
