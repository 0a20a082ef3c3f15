import { assess, EXAMPLE_ANSWERS, getQuestion, questionnaire } from "~/engine";
import type { Consumer } from "~/engine/answer-constants";
import { expect, test, unique } from "./fixtures";
import { QuestionnairePage, UseCasesPage } from "./pages/use-case-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;

test.describe("describing a use case", () => {
  test("a member fills the questionnaire, watches it become real-time, saves, reloads, submits and reads the decision", async ({ page, users }) => {
    test.setTimeout(180_000); // the whole story, with two accessibility scans (minutes on a busy machine)
    const maya = await users.create({ name: "Maya", teams: ["new"] });
    await maya.signIn(page);
    const list = new UseCasesPage(page);
    const form = new QuestionnairePage(page);
    const title = unique(fraud.title);
    await list.create({ title, description: fraud.description, owner: "Payments Risk ML", tags: ["fraud", "checkout"] });

    await expect(form.livePanel()).toContainText("Needed for a recommendation");

    await form.answerAll(fraud.answers, {
      latencyBudgetMs: "150 ms",
      maxStalenessSeconds: "0 s",
      peakRequestsPerSecond: "24,000 rpm",
      payloadMB: "5 KB",
      processingTimeMs: "15ms",
      modelSizeGB: "200 MB",
      monthlyBudgetUsd: "$5k",
    });
    await expect(form.liveRecommended()).toHaveText("Real-time endpoint");
    await expect(form.question(getQuestion("monthlyBudgetUsd")!)).toContainText("Reads as $5,000");
    await form.saveDraft();

    await page.reload();
    await expect(form.liveRecommended()).toHaveText("Real-time endpoint");
    await form.goToStep(questionnaire[2]!.title);
    await expect(form.numberInput(getQuestion("peakRequestsPerSecond")!)).toHaveValue("400");
    await form.goToStep(questionnaire[3]!.title);
    await expect(form.numberInput(getQuestion("processingTimeMs")!)).toHaveValue("15");
    await expect(form.question(getQuestion("modelSizeGB")!)).toContainText("Reads as 0.2 GB");
    await expect(page.getByText(/questions answered/)).toHaveText("21 of 21 questions answered");
    await expectNoSeriousAxeViolations(page);

    await form.submitButton().click();
    await expect(page).toHaveURL(/\/versions\/1$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("recommended-strategy")).toHaveText("Real-time endpoint");
    const record = page.getByRole("region", { name: "On the record" });
    await expect(record).toContainText("Submitted");
    await expect(record).toContainText(maya.name);
    await expect(page.getByRole("region", { name: "Version history" }).getByRole("link", { name: /Version 1/ })).toHaveAttribute("aria-current", "page");
    // A summary on top (the outcome, then the recommendation), the details in tabs below — keyboard included.
    await expect(page.getByTestId("outcome-headline")).toHaveText(/Submitted, awaiting review/);
    const tabs = page.getByRole("tablist", { name: "The decision in detail" });
    await expect(tabs.getByRole("tab", { name: "Why" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Answers" })).toBeHidden();
    await tabs.getByRole("tab", { name: "Why" }).focus();
    await page.keyboard.press("End");
    await expect(tabs.getByRole("tab", { name: "Answers" })).toBeFocused();
    await expect(tabs.getByRole("tab", { name: "Answers" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Answers" })).toContainText("Another service, synchronously");
    await expect(page.getByRole("region", { name: "Ranking" })).toBeHidden();
    await page.keyboard.press("ArrowRight");
    await expect(tabs.getByRole("tab", { name: "Why" })).toBeFocused();
    await expect(page.getByRole("region", { name: "Ranking" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await list.goto();
    await list.search().fill("checkout");
    await expect(page).toHaveURL(/\?q=checkout$/);
    const row = list.list().getByRole("listitem").filter({ hasText: title });
    await expect(row).toContainText("Real-time endpoint");
    await expect(row).toContainText("Version 1");
    await expect(row).toContainText("Submitted");
  });

  test("the live recommendation is scored on the server from the saved answers, again after each autosave", async ({ page, users }) => {
    test.setTimeout(60_000); // three autosaves, each with the server's new rendering
    const member = await users.create({ teams: ["new"] });
    const id = await member.createUseCase({ title: unique("Live from the server") });
    // Homepage recommendations: a person waiting gets hybrid, a report gets batch scoring.
    const homepage = EXAMPLE_ANSWERS["homepage-recommendations"]!.answers;
    const { consumer: _consumer, ...withoutConsumer } = homepage;
    await member.saveDraft(id, withoutConsumer);
    await member.signIn(page);
    await page.goto(`/use-cases/${id}/edit`);
    const form = new QuestionnairePage(page);
    const live = form.livePanel();
    const status = live.getByTestId("live-status");
    const consumer = getQuestion("consumer")!;

    // Every answer but the consumer: no recommendation yet, and a way to the question.
    await expect(live).toContainText("Needed for a recommendation");
    await expect(form.liveRecommended()).toHaveCount(0);
    await form.goToStep(questionnaire[2]!.title);
    await live.getByRole("button", { name: "Go to that question" }).click();
    await expect(form.stepHeading()).toContainText(questionnaire[0]!.title);
    await expect(form.question(consumer).getByRole("radio").first()).toBeFocused();

    // Who consumes the predictions decides the strategy (the engine says which, for these answers).
    const expected = (value: Consumer) => assess({ ...homepage, consumer: value }).recommendedLabel;
    expect(expected("report")).not.toBe(expected("user-request"));
    await form.answer(consumer, "user-request");
    await expect(status).toHaveText("Updating…");
    await expect(form.liveRecommended()).toHaveText(expected("user-request"));
    await expect(status).toBeEmpty();
    await expect(live).toContainText(/Scored on the server from your saved answers \(engine \d+\.\d+\.\d+\)/);
    await form.answer(consumer, "report");
    await expect(form.liveRecommended()).toHaveText(expected("report"));
    await expect(form.question(consumer).getByRole("radio", { name: "A report", exact: true })).toBeChecked();

    // The form is not started again by the server's new rendering: text stays as typed, on its step.
    const latency = getQuestion("latencyBudgetMs")!;
    await form.goToStep(questionnaire[1]!.title);
    await form.numberInput(latency).fill("2 s");
    await expect(form.saveStatus()).toHaveText(/^Saved · /);
    await expect(live.getByTestId("tradeoff-chart-small").getByTestId("latency-budget-line")).toContainText("2 s");
    await expect(status).toBeEmpty();
    await expect(form.stepHeading()).toContainText(questionnaire[1]!.title);
    await expect(form.numberInput(latency)).toHaveValue("2 s");
    await expect(form.numberInput(latency)).toBeFocused();
  });

  test("resubmitting from a reviewed version, the form keeps what was typed through autosaves", async ({ page, users }) => {
    const [member, reviewer] = await Promise.all([users.create({ teams: ["new"] }), users.create({ role: "REVIEWER" })]);
    const id = await member.submitNew({ title: unique("Resubmit with autosave") }, fraud.answers);
    await reviewer.decide({ useCaseId: id, number: 1, expectedVersion: 1, action: "REQUEST_CHANGES", comment: "Is 150 ms the real budget?" });
    await member.signIn(page);
    await page.goto(`/use-cases/${id}/edit?from=1`);
    const notice = page.getByTestId("resubmit-notice");
    await expect(notice).toContainText("Is 150 ms the real budget?");
    await expect(notice).toContainText("The form holds version 1's answers.");
    const form = new QuestionnairePage(page);
    const latency = getQuestion("latencyBudgetMs")!;
    await form.goToStep(questionnaire[1]!.title);
    await form.numberInput(latency).fill("300 ms");
    await expect(form.saveStatus()).toHaveText(/^Saved · /);
    // The server draws the saved draft again; the form on the page is the same one.
    await expect(form.livePanel().getByTestId("tradeoff-chart-small").getByTestId("latency-budget-line")).toContainText("300 ms");
    await expect(form.livePanel().getByTestId("live-status")).toBeEmpty();
    await expect(form.stepHeading()).toContainText(questionnaire[1]!.title);
    await expect(form.numberInput(latency)).toHaveValue("300 ms");
    await expect(form.numberInput(latency)).toBeFocused();
    // The notice still says how the page opened, not that "the team's draft" changed.
    await expect(notice).toContainText("The form holds version 1's answers.");
    await expect(notice.getByRole("link", { name: /Start from version 1/ })).toHaveCount(0);
    await form.submitButton().click();
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/versions/2$`));
  });

  test("a submission without the consumer shows the server's message on that question", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    const id = await member.createUseCase({ title: unique("No consumer") });
    await member.saveDraft(id, { latencyBudgetMs: 200 });
    await member.signIn(page);
    await page.goto(`/use-cases/${id}/edit`);
    const form = new QuestionnairePage(page);
    await form.goToStep(questionnaire.at(-1)!.title);
    await form.submitButton().click();
    const consumer = form.question(getQuestion("consumer")!);
    await expect(consumer).toContainText("Required: who consumes the predictions");
    await expect(form.stepHeading()).toContainText(questionnaire[0]!.title);
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/edit$`));
    // Answering it clears the message, and the submission goes through.
    await form.answer(getQuestion("consumer")!, "human-later");
    await expect(consumer).not.toContainText("Required: who consumes the predictions");
    await form.submitButton().click();
    await expect(page).toHaveURL(/\/versions\/1$/);
  });

  test("the keyboard alone answers a step: Tab, Space, arrow keys and Enter", async ({ page, users }) => {
    test.setTimeout(60_000); // the live recommendation waits for an autosave and the server's new rendering
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    await new UseCasesPage(page).create({ title: unique("Keyboard-only use case") });
    const form = new QuestionnairePage(page);
    await expect(form.stepHeading()).toContainText(questionnaire[0]!.title);

    for (let i = 0; i < 40 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === "consumer")); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Another service, synchronously" })).toBeChecked();
    await expect(form.liveRecommended()).toBeVisible();

    await page.keyboard.press("Tab"); // leaves the radio group for "Next" ("Previous" is disabled on step 1)
    await expect(form.nextButton()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(form.stepHeading()).toContainText(questionnaire[1]!.title);
    await expect(form.stepHeading()).toBeFocused();

    await page.keyboard.press("Tab");
    await page.keyboard.type("2 s");
    // Engine 2.0 writes a quantity in the largest unit that says it exactly (docs/engine.md, "Units").
    await expect(form.question(getQuestion("latencyBudgetMs")!)).toContainText("Reads as 2 s");
    await page.keyboard.press("Tab"); // "I don't know" of the latency budget
    await page.keyboard.press("Tab"); // staleness
    await page.keyboard.press("Tab"); // its "I don't know"
    await page.keyboard.press("Space");
    await expect(form.question(getQuestion("maxStalenessSeconds")!).getByRole("checkbox", { name: "I don't know" })).toBeChecked();
    await page.keyboard.press("Tab"); // the freshness radio group
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Seconds", exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab"); // Previous, then Next
    await page.keyboard.press("Enter");
    await expect(form.stepHeading()).toContainText(questionnaire[2]!.title);
    await expect(form.saveStatus()).toHaveText(/^Saved · |^Saving…$/);
  });

  test("field errors show next to the fields, and another team cannot open the use case", async ({ page, users, pageAs }) => {
    const [member, outsider] = await Promise.all([users.create({ teams: ["new"] }), users.create({ teams: ["new"] })]);
    await member.signIn(page);
    const list = new UseCasesPage(page);
    await list.goto();
    await list.startNew();
    await list.fillDetails({ title: "ab" });
    await page.getByLabel("Model repository link").fill("git@example.com:repo");
    await list.createButton().click();
    await expect(page.getByText("Give the use case a title of at least 3 characters.")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter a link starting with http:// or https://")).toBeVisible();

    const title = unique("Private draft");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Model repository link").fill("https://git.example.com/payments/fraud");
    await list.createButton().click();
    await expect(page).toHaveURL(/\/edit$/);
    const url = new URL(page.url()).pathname;
    const overview = url.replace(/\/edit$/, "");

    const other = await pageAs(outsider);
    for (const path of [url, overview]) {
      await other.goto(path);
      await expect(other.getByRole("heading", { name: /does not exist/ })).toBeVisible();
    }
    await new UseCasesPage(other).goto();
    await expect(other.getByText(title)).toHaveCount(0);
  });

  test("a teammate's concurrent edit stops the save with a conflict and a Reload that shows their answers", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    const teammate = await users.create({ teams: member.teams });
    await member.signIn(page);
    const id = await new UseCasesPage(page).create({ title: unique("Conflicting draft") });
    const form = new QuestionnairePage(page);
    const consumer = getQuestion("consumer")!;

    // A teammate (same team) saves the draft first, from their own session.
    await teammate.saveDraft(id, { consumer: "report" });

    // Maya's page still holds revision 1: her save is refused, not silently applied.
    await form.answer(consumer, "user-request");
    await page.getByRole("button", { name: "Save draft" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "This use case changed since you opened it" });
    await expect(conflict).toBeVisible();
    await conflict.getByRole("button", { name: "Reload" }).click();
    await expect(form.question(consumer).getByRole("radio", { name: "A report", exact: true })).toBeChecked();
  });
});
