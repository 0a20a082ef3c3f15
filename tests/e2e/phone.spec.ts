import { EXAMPLE_ANSWERS, getQuestion, questionnaire, STRATEGY_LABELS } from "~/engine";
import { expect, test, unique } from "./fixtures";
import { ReviewPanel } from "./pages/review-pages";
import { QuestionnairePage } from "./pages/use-case-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectNoHorizontalOverflow, Navigation } from "./support/layout";

/**
 * What only a phone (390×844, touch) needs; the phone project alone runs this file. The page
 * matrix (page-matrix.spec.ts) checks every page's width, axe and menu at both sizes.
 */

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;

test.describe("on a phone", { tag: "@phone" }, () => {
  test.describe.configure({ timeout: 90_000 }); // axe scans on a busy machine
  test("the menu works from the keyboard: Enter opens it, Tab walks its links to Sign out, Escape closes it, a link navigates and closes it", async ({
    page,
    users,
  }) => {
    const reviewer = await users.create({ role: "REVIEWER" });
    await reviewer.signIn(page);
    await page.goto("/");
    const nav = new Navigation(page, true);
    await expect(nav.menuButton()).toHaveAttribute("aria-expanded", "false");
    await expect(nav.signOut()).toBeHidden();

    for (let i = 0; i < 10 && !(await nav.menuButton().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(nav.menuButton()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(nav.menuButton()).toHaveAttribute("aria-expanded", "true");
    for (const name of ["My use cases", "Review queue", "Decision log"]) {
      await page.keyboard.press("Tab");
      await expect(nav.nav().getByRole("link", { name, exact: true })).toBeFocused();
    }
    await page.keyboard.press("Tab");
    await expect(nav.nav().getByRole("link", { name: reviewer.name })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(nav.signOut()).toBeFocused();
    await expect(nav.signOut()).toBeInViewport({ ratio: 1 });
    await expectNoSeriousAxeViolations(page);

    await page.keyboard.press("Escape");
    await expect(nav.menuButton()).toHaveAttribute("aria-expanded", "false");
    await expect(nav.menuButton()).toBeFocused();
    await expect(nav.signOut()).toBeHidden();

    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(nav.nav().getByRole("link", { name: "Review queue" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(nav.menuButton()).toHaveAttribute("aria-expanded", "false");
    await expectNoHorizontalOverflow(page);

    // A tap outside the open menu closes it too.
    await nav.menuButton().click();
    await expect(nav.signOut()).toBeVisible();
    await page.mouse.click(200, 800);
    await expect(nav.menuButton()).toHaveAttribute("aria-expanded", "false");
  });

  test("Sign out in the menu signs out", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    await page.goto("/use-cases");
    const nav = new Navigation(page, true);
    await nav.open();
    await nav.signOut().tap();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await page.goto("/use-cases");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });

  test("the live recommendation stays on screen while a question is answered, and expands into the details", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    const id = await member.createUseCase({ title: unique("Phone questionnaire") });
    await member.signIn(page);
    await page.goto(`/use-cases/${id}/edit`);
    const form = new QuestionnairePage(page);
    await expect(form.stepHeading()).toContainText(questionnaire[0]!.title);
    await expect(form.livePanel()).toBeInViewport();
    await expect(form.livePanel()).toContainText("Needed for a recommendation");

    const consumer = getQuestion("consumer")!;
    await form.answer(consumer, fraud.answers.consumer!);
    // Scored on the server once the answer is saved: the bar says so until it arrives.
    await expect(form.livePanel().getByTestId("live-status")).toHaveText("Updating…");
    await expect(form.liveRecommended()).not.toBeEmpty();
    await expect(form.livePanel().getByTestId("live-status")).toBeEmpty();
    expect(Object.values(STRATEGY_LABELS)).toContain(await form.liveRecommended().textContent());
    await expect(form.question(consumer)).toBeInViewport();
    await expect(form.liveRecommended()).toBeInViewport();
    await expect(page.getByTestId("live-confidence")).toBeInViewport();
    await expect(page.getByTestId("live-confidence")).toContainText(/Confidence \d+%/);

    // Further down the step, the summary is still at the bottom of the screen, not below the form.
    const last = questionnaire[0]!.questions.at(-1)!;
    await form.question(last).scrollIntoViewIfNeeded();
    await expect(form.question(last)).toBeInViewport();
    await expect(form.liveRecommended()).toBeInViewport();
    const box = (await form.livePanel().boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(844, -1);
    expect(box.height).toBeLessThan(200);

    const details = form.livePanel().getByRole("button", { name: "Details" });
    await expect(details).toHaveAttribute("aria-expanded", "false");
    await expect(form.livePanel().getByRole("heading", { name: "Key estimates" })).toBeHidden();
    await details.tap();
    await expect(form.livePanel().getByRole("button", { name: "Hide details" })).toHaveAttribute("aria-expanded", "true");
    await expect(form.livePanel().getByRole("heading", { name: "Key estimates" })).toBeVisible();
    await expect(form.livePanel().getByRole("region", { name: "Live recommendation details" })).toBeInViewport();
    await expect(form.livePanel().getByRole("region", { name: "Live recommendation details" })).toContainText("Scored on the server from your saved answers");
    await expectNoSeriousAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    await form.livePanel().getByRole("button", { name: "Hide details" }).tap();
    await expect(form.livePanel().getByRole("heading", { name: "Key estimates" })).toBeHidden();
  });

  test("a reviewer reaches the decision form from the top of a long decision page", async ({ page, users }) => {
    const [member, reviewer] = await Promise.all([users.create({ teams: ["new"] }), users.create({ role: "REVIEWER" })]);
    const title = unique("Phone review");
    const id = await member.submitNew({ title }, fraud.answers);
    await reviewer.signIn(page);
    await page.goto(`/use-cases/${id}/versions/1`);
    const panel = new ReviewPanel(page);
    await expect(panel.decisionForm()).toBeVisible();
    // Without the way in, the form is screens away from the top.
    expect((await panel.decisionForm().boundingBox())!.y).toBeGreaterThan(2 * 844);

    const jump = page.getByRole("main").getByRole("link", { name: "Review this version" });
    await expect(jump).toBeInViewport();
    await jump.tap();
    await expect(panel.region).toBeFocused();
    await expect(panel.region.getByRole("heading", { name: "Review", exact: true })).toBeInViewport();
    await expect(panel.approveButton()).toBeVisible();
    await panel.approveButton().tap();
    await expect(panel.flash()).toContainText("Approved");
    await expect(page.getByRole("main").getByRole("link", { name: "Review this version" })).toHaveCount(0);
  });
});
