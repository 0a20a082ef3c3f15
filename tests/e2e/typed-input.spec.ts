import { getQuestion, questionnaire, type Question } from "~/engine";
import { expect, test, unique } from "./fixtures";
import { QuestionnairePage, UseCasesPage } from "./pages/use-case-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { isPhone, Navigation } from "./support/layout";

/**
 * Typed input is never lost without a word (issue 13, item 7): a value typed just before an
 * in-app link is followed is saved on the way out, and an answer that cannot be saved says so in
 * the save status and makes leaving ask first — an in-app dialog for links, the browser's own
 * prompt for closing or reloading.
 */
const latency = getQuestion("latencyBudgetMs")!;
const stepOf = (q: Question) => questionnaire.find((s) => s.questions.some((x) => x.field === q.field))!.title;

test.describe("typed input on the questionnaire", () => {
  test("a value typed just before clicking a link in the navigation is there when coming back", { tag: "@phone" }, async ({ page, users }, testInfo) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const id = await new UseCasesPage(page).create({ title: unique("Quick typist") });
    const form = new QuestionnairePage(page);
    await form.goToStep(stepOf(latency));
    await form.numberInput(latency).fill("130 ms");
    await expect(form.saveStatus()).toHaveText("Unsaved changes");
    // Within the autosave delay (1.5 s): the link waits for the save, then goes.
    await new Navigation(page, isPhone(testInfo)).follow("My use cases");
    await expect(page.getByRole("heading", { level: 1, name: "My use cases" })).toBeVisible();

    await page.goto(`/use-cases/${id}/edit`);
    await form.goToStep(stepOf(latency));
    await expect(form.numberInput(latency)).toHaveValue("130");
    await expect(form.saveStatus()).toHaveText(/^Saved · \d\d:\d\d$/);
  });

  test("an answer that cannot be saved says so, and leaving asks first", { tag: "@phone" }, async ({ page, users }, testInfo) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const id = await new UseCasesPage(page).create({ title: unique("Unreadable answer") });
    const form = new QuestionnairePage(page);
    await form.goToStep(stepOf(latency));
    await form.numberInput(latency).fill("5 minutes please");
    await expect(form.saveStatus()).toHaveText("Not saved: 1 answer needs fixing");
    // Past the autosave delay it still does not claim to be saved.
    await page.waitForTimeout(2_000);
    await expect(form.saveStatus()).toHaveText("Not saved: 1 answer needs fixing");
    // Nor does the live recommendation, scored on the server from what is saved.
    await expect(form.livePanel().getByTestId("live-status")).toHaveText("Without the answer that needs fixing.");

    // An in-app link asks; staying keeps the text and puts the focus on it.
    const nav = new Navigation(page, isPhone(testInfo));
    await nav.follow("My use cases");
    const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("One answer cannot be saved as typed");
    await expect(dialog.getByRole("button", { name: "Stay on this page" })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/edit$`));
    await expect(form.numberInput(latency)).toHaveValue("5 minutes please");
    await expect(form.numberInput(latency)).toBeFocused();

    // Escape is "stay" too.
    await nav.follow("My use cases");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/edit$`));

    // Closing (or reloading) the tab asks through the browser.
    const asked = new Promise<string>((resolve) => {
      page.once("dialog", async (prompt) => {
        resolve(prompt.type());
        await prompt.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe("beforeunload");
  });

  test("leaving anyway goes where the link points, and a corrected answer is saved", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const id = await new UseCasesPage(page).create({ title: unique("Corrected answer") });
    const form = new QuestionnairePage(page);
    await form.goToStep(stepOf(latency));
    await form.numberInput(latency).fill("5 minutes please");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decision log" }).click();
    await page.getByRole("dialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();

    await page.goto(`/use-cases/${id}/edit`);
    await form.goToStep(stepOf(latency));
    await expect(form.numberInput(latency)).toHaveValue("");
    await form.numberInput(latency).fill("250 ms");
    await expect(form.saveStatus()).toHaveText(/^Saved · \d\d:\d\d$/, { timeout: 10_000 });
    await page.reload();
    await form.goToStep(stepOf(latency));
    await expect(form.numberInput(latency)).toHaveValue("250");
  });

  test("a save made offline says so, and goes through once back online", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    const id = await new UseCasesPage(page).create({ title: unique("Offline typist") });
    const form = new QuestionnairePage(page);
    await form.goToStep(stepOf(latency));
    // The page has called nothing yet: the code that calls the server loads with the first save,
    // and offline it cannot load either. The save fails as any offline save does, and is kept.
    await page.context().setOffline(true);
    await form.numberInput(latency).fill("130 ms");
    await expect(form.saveStatus()).toHaveText("Not saved: Servewise could not be reached. Check your connection and try again.", { timeout: 10_000 });
    await expect(form.livePanel().getByTestId("live-status")).toHaveText(/^Not updated: your latest answers are not saved/);
    // Submitting offline says why it did not go, though the error summary's own code cannot load.
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Servewise could not be reached" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/edit$`));

    await page.context().setOffline(false);
    await form.saveDraft();
    await expect(form.livePanel().getByTestId("live-status")).toBeEmpty();
    await page.reload();
    await form.goToStep(stepOf(latency));
    await expect(form.numberInput(latency)).toHaveValue("130");
    await expect(page).toHaveURL(new RegExp(`/use-cases/${id}/edit$`));
  });
});
