import { assess, EXAMPLE_ANSWERS, getQuestion, questionnaire, STRATEGY_LABELS, type Answers } from "~/engine";
import { TrpcHttpError } from "../system/support/http";
import { expect, test, unique } from "./fixtures";
import { InboxPage, ReviewPanel, ReviewQueuePage } from "./pages/review-pages";
import { QuestionnairePage, UseCasesPage } from "./pages/use-case-pages";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { isPhone, Navigation } from "./support/layout";

const fraud = EXAMPLE_ANSWERS["fraud-detection-checkout"]!;

/** Version 2's answers: the team doubles the peak load the reviewer asked about. */
const PEAK_V2 = (fraud.answers.peakRequestsPerSecond ?? 400) * 2;
const answersV2: Answers = { ...fraud.answers, peakRequestsPerSecond: PEAK_V2 };
const assessmentV2 = assess(answersV2);
const override = assessmentV2.ranking.find((r) => r.feasible && r.strategy !== assessmentV2.recommended)!;

test.describe("reviewing a decision", () => {
  test("member submits, reviewer requests changes, member resubmits, reviewer compares and approves with an override, member sees it", { tag: "@phone" }, async ({ page, users, pageAs }, testInfo) => {
    test.setTimeout(600_000); // the whole journey with five accessibility scans: minutes on a busy 2-core machine
    const title = unique("Checkout fraud review");
    const maya = await users.create({ name: "Maya", teams: ["new"] });
    const raj = await users.create({ name: "Raj", role: "REVIEWER" });

    // 1. Maya describes the use case and submits version 1.
    await maya.signIn(page);
    const member = page;
    const form = new QuestionnairePage(member);
    const useCaseId = await new UseCasesPage(member).create({ title, description: fraud.description, tags: ["fraud"] });
    await form.answerAll(fraud.answers);
    await form.submitButton().click();
    await expect(member).toHaveURL(new RegExp(`/use-cases/${useCaseId}/versions/1$`));
    const memberPanel = new ReviewPanel(member);
    await expect(memberPanel.region).toContainText("Waiting for a reviewer");
    await expect(memberPanel.approveButton()).toHaveCount(0);

    // 2. Raj finds it in the queue (counted in the navigation) and requests changes with a comment.
    const reviewer = await pageAs(raj);
    await reviewer.goto("/");
    const navigation = new Navigation(reviewer, isPhone(testInfo));
    const nav = navigation.nav();
    await navigation.open();
    await expect(nav.getByRole("link", { name: "Review queue" })).toHaveAccessibleDescription(/\d+\+? decisions? waiting for review/);
    const queue = new ReviewQueuePage(reviewer);
    await queue.goto();
    await expect(queue.row(title)).toContainText(STRATEGY_LABELS[assess(fraud.answers).recommended!]);
    await expect(queue.row(title)).toContainText(maya.name);
    await expect(queue.row(title)).not.toContainText("You authored");
    await queue.open(title);
    // Reached from the Review queue: the navigation says so, not "My use cases".
    await navigation.open();
    await expect(nav.getByRole("link", { name: "Review queue" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "My use cases" })).not.toHaveAttribute("aria-current", "page");
    await navigation.close();
    const panel = new ReviewPanel(reviewer);
    await panel.requestChangesButton().click();
    await expect(panel.region.getByText("Add a comment so the team knows what to change.")).toBeVisible();
    await expect(panel.comment()).toBeFocused();
    await panel.requestChanges(`What is the peak load on sale days? We need the real figure.`);
    await expect(panel.region).toContainText("Changes requested");
    // The comment shows once: in the review record, not again in the thread.
    await expect(panel.decisionComment()).toContainText("What is the peak load on sale days?");
    await expect(panel.region.getByText("What is the peak load on sale days?")).toHaveCount(1);
    await expect(panel.decisionForm()).toHaveCount(0);
    await expect(reviewer.getByTestId("outcome-headline")).toContainText("Changes requested");
    await expect(reviewer.getByTestId("outcome-byline")).toContainText(`Changes requested by ${raj.name}`);

    // 3. Maya is notified — by name — and answers from the notification: "Edit answers and resubmit"
    //    opens the questionnaire on version 1's answers, with what Raj asked.
    const inbox = new InboxPage(member);
    await member.goto(`/use-cases/${useCaseId}`);
    await expect(inbox.headerLink()).toHaveAccessibleName("Inbox, 1 unread");
    await expect(member.getByTestId("next-action")).toHaveText("Edit answers and resubmit");
    await inbox.goto();
    const changeRequest = inbox.item(`${raj.name} requested changes on ${title} v1`);
    await expect(changeRequest).toContainText("What is the peak load on sale days?");
    await expectNoSeriousAxeViolations(member);
    await changeRequest.getByRole("link", { name: /^Edit answers and resubmit/ }).click();
    await expect(member).toHaveURL(new RegExp(`/use-cases/${useCaseId}/edit\\?from=1$`));
    await expect(member.getByTestId("resubmit-notice")).toContainText(`${raj.name} requested changes`);
    await expect(member.getByTestId("resubmit-notice")).toContainText("What is the peak load on sale days?");
    const peak = getQuestion("peakRequestsPerSecond")!;
    await form.goToStep(questionnaire.find((s) => s.questions.some((q) => q.field === peak.field))!.title);
    await expect(form.numberInput(peak)).toHaveValue(String(fraud.answers.peakRequestsPerSecond));
    await form.answer(peak, PEAK_V2);
    await form.submitButton().click();
    await expect(member).toHaveURL(new RegExp(`/use-cases/${useCaseId}/versions/2$`));

    // 4. Raj compares version 1 with version 2: the changed answer is marked in words.
    await queue.goto();
    await queue.open(title);
    await expect(reviewer).toHaveURL(new RegExp(`/versions/2\\?via=review$`));
    await expect(reviewer.getByTestId("next-action")).toHaveText("Review");
    await panel.region.getByRole("link", { name: "Compare with version 1" }).click();
    await expect(reviewer.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
    await expect(reviewer.getByTestId("compare-summary")).toContainText("1 answer changed");
    // It opens on what changed: the changed answer (before → after) and the assessment's changes,
    // with "Show only changes" on, so unchanged answers are out of the way until asked for.
    const changes = reviewer.getByTestId("what-changed");
    await expect(changes.getByTestId("answer-changes")).toContainText(peak.label);
    await expect(changes.getByTestId("answer-changes").getByRole("listitem")).toHaveCount(1);
    await expect(reviewer.getByLabel("Show only changes")).toBeChecked();
    const peakRow = reviewer.getByTestId("compare-answers").getByRole("row", { name: new RegExp(peak.label) });
    await expect(peakRow).toContainText("changed");
    const latencyRow = reviewer.getByTestId("compare-answers").getByRole("row", { name: /Latency budget/ });
    await expect(latencyRow).toBeHidden();
    const [changesBox, peakBox] = await Promise.all([changes.boundingBox(), peakRow.boundingBox()]);
    expect(changesBox!.y).toBeLessThan(peakBox!.y);
    await reviewer.getByLabel("Show only changes").uncheck();
    await expect(latencyRow).toBeVisible();
    await expect(latencyRow).not.toContainText("changed");
    await expect(reviewer.getByLabel("From version")).toHaveValue("1");
    await expect(reviewer.getByLabel("To version")).toHaveValue("2");
    await expectNoSeriousAxeViolations(reviewer);

    // 5. ... and approves another strategy than recommended, which needs a justification.
    await reviewer.goto(`/use-cases/${useCaseId}/versions/2`);
    await panel.strategySelect().selectOption(override.strategy);
    await expect(panel.region.getByTestId("override-notice")).toContainText("This is an override");
    await panel.approveButton().click();
    await expect(panel.region.getByText("Explain why you approve a different strategy than recommended.")).toBeVisible();
    await panel.region.getByLabel("Justification for the override").fill("The platform team already runs this for payments; it meets the budget.");
    await panel.approveButton().click();
    await expect(panel.flash()).toContainText("Approved");
    await expect(panel.region.getByTestId("approved-strategy")).toHaveText(STRATEGY_LABELS[override.strategy]);
    await expect(panel.region.getByTestId("override-record")).toContainText("The platform team already runs this");

    // 6. Maya sees the notification and the approved decision: the approved strategy is the
    //    headline everywhere, the engine's recommendation second.
    const approvedLabel = STRATEGY_LABELS[override.strategy];
    const recommendedLabel = STRATEGY_LABELS[assessmentV2.recommended!];
    await inbox.goto();
    const note = inbox.item(`${raj.name} approved ${title} v2`);
    await expect(note).toContainText("Unread");
    await expect(inbox.headerLink()).toHaveAccessibleName("Inbox, 1 unread");
    await expect(note).toContainText(`Approved ${approvedLabel} instead of the recommended ${recommendedLabel} (override)`);
    await expectNoSeriousAxeViolations(member);
    // The change request was read when Maya acted on it; "Mark all read" clears the approval too.
    await expect(inbox.item(`${raj.name} requested changes on ${title} v1`)).not.toContainText("Unread");
    await member.getByRole("button", { name: "Mark all read" }).click();
    await expect(member.getByRole("status").filter({ hasText: "All notifications are marked read." })).toBeVisible();
    await expect(member.getByRole("list", { name: "Notifications" })).not.toContainText("Unread");
    await expect(inbox.headerLink()).toHaveAccessibleName("Inbox");
    await note.getByRole("link", { name: `${raj.name} approved ${title} v2` }).click();
    await expect(member).toHaveURL(new RegExp(`/use-cases/${useCaseId}/versions/2$`));
    await expect(member.getByTestId("outcome-headline")).toContainText(`Approved: ${approvedLabel}`);
    await expect(member.getByTestId("outcome-headline")).toContainText("Override");
    await expect(member.getByTestId("outcome-byline")).toContainText(`Approved by ${raj.name}`);
    await expect(member.getByTestId("outcome-recommendation")).toHaveText(`Override: the engine recommended ${recommendedLabel}.`);
    const [headlineBox, recommendedBox] = await Promise.all([member.getByTestId("outcome-headline").boundingBox(), member.getByTestId("recommended-strategy").boundingBox()]);
    expect(headlineBox!.y).toBeLessThan(recommendedBox!.y);
    await expect(member.getByRole("region", { name: "Version history" }).getByRole("link", { name: /Version 2/ })).toContainText(`${approvedLabel} (override)`);
    await expectNoSeriousAxeViolations(member);
    await member.goto(`/use-cases/${useCaseId}`);
    await expect(member.getByRole("region", { name: /Latest decision/ }).getByTestId("outcome-headline")).toContainText(`Approved: ${approvedLabel}`);
    await new UseCasesPage(member).goto();
    await expect(member.getByRole("list", { name: "Use cases" }).getByRole("listitem").filter({ hasText: title })).toContainText(`${approvedLabel} (override)`);
    await member.goto(`/use-cases/${useCaseId}/versions/2`);
    await expect(memberPanel.region).toContainText("Approved: this is the decision on record.");
    await expect(memberPanel.region.getByTestId("approved-strategy")).toHaveText(STRATEGY_LABELS[override.strategy]);
    await expect(memberPanel.region.getByTestId("override-record")).toContainText(STRATEGY_LABELS[assessmentV2.recommended!]);
  });

  test("choosing another strategy shows by how much it misses the team's limits, before the justification", async ({ page, users }) => {
    // Engine 2.0 offers only feasible strategies: for homepage recommendations (hybrid recommended,
    // 80 ms and 24 h limits) batch is feasible but its predictions can be 25 h old; real-time meets all three.
    const homepage = EXAMPLE_ANSWERS["homepage-recommendations"]!;
    const [member, reviewer] = await Promise.all([users.create({ teams: ["new"] }), users.create({ role: "REVIEWER" })]);
    const useCaseId = await member.submitNew({ title: unique("Homepage limits") }, homepage.answers);
    const assessment = assess(homepage.answers);
    expect(assessment.ranking.filter((r) => r.feasible).map((r) => r.strategy).sort()).toEqual(["batch", "hybrid", "realtime"]);
    await reviewer.signIn(page);
    await page.goto(`/use-cases/${useCaseId}/versions/1`);
    const panel = new ReviewPanel(page);
    await expect(panel.strategySelect()).toHaveValue(assessment.recommended!, { timeout: 30_000 });
    await expect(panel.region.getByTestId("override-limits")).toHaveCount(0);

    // Batch: its worst-case staleness is about 25 h against the 24 h limit.
    await panel.strategySelect().selectOption("batch");
    const limits = panel.region.getByTestId("override-limits");
    await expect(limits).toContainText("It misses the staleness limit.");
    await expect(limits.locator('[data-outcome="miss"]')).toHaveText(/The age of its predictions is .+ against a 24 h staleness limit: .+ over/);
    await expect(limits.locator('[data-outcome="meets"]')).toHaveCount(2);
    // Shown above the justification field, and part of the strategy's description.
    const justification = panel.region.getByLabel("Justification for the override");
    expect((await limits.boundingBox())!.y).toBeLessThan((await justification.boundingBox())!.y);
    await expect(panel.strategySelect()).toHaveAccessibleDescription(/misses the staleness limit/);

    // Real-time misses none, and only then does it say so; a ruled-out strategy cannot be chosen.
    await panel.strategySelect().selectOption("realtime");
    await expect(limits).toContainText("It meets the latency budget, the staleness limit and the monthly budget.");
    await expect(limits.locator('[data-outcome="miss"]')).toHaveCount(0);
    await expect(panel.strategySelect().locator('option[value="async"]')).toBeDisabled();
    await expectNoSeriousAxeViolations(page);
  });

  test("a reviewer cannot decide on their own submission: no buttons in the UI, FORBIDDEN from the API", async ({ page, users }) => {
    test.slow(); // the queue and the version page, each with an axe scan: ~31 s on the CI machine
    // A reviewer who is also in a team, so can submit — and must then not review their own work.
    const rae = await users.create({ name: "Rae", role: "REVIEWER", teams: ["new"] });
    const title = unique("Self-review attempt");
    const useCaseId = await rae.submitNew({ title }, fraud.answers);
    await rae.signIn(page);

    const queue = new ReviewQueuePage(page);
    await queue.goto();
    await expect(queue.row(title)).toContainText("You authored or edited this — another reviewer must decide");
    await expectNoSeriousAxeViolations(page);
    await queue.open(title);
    const panel = new ReviewPanel(page);
    await expect(panel.region.getByTestId("four-eyes")).toContainText("another reviewer must decide");
    await expect(panel.decisionForm()).toHaveCount(0);
    await expect(panel.approveButton()).toHaveCount(0);
    await expect(panel.rejectButton()).toHaveCount(0);

    const refused = await rae.decide({ useCaseId, number: 1, expectedVersion: 1, action: "APPROVE" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TrpcHttpError);
    expect(refused).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((refused as TrpcHttpError).message).toMatch(/Four eyes/);
    await page.reload();
    await expect(panel.region).toContainText("Waiting for a reviewer");
  });

  test("a member does not get the review queue", async ({ page, users }) => {
    const member = await users.create({ teams: ["new"] });
    await member.signIn(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome,/ })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" })).toHaveCount(0);
    await page.goto("/review");
    await expect(page.getByRole("heading", { name: /does not exist/ })).toBeVisible();
  });

  test("the queue filters by strategy from the keyboard, in the URL", async ({ page, users }) => {
    const [member, reviewer] = await Promise.all([users.create({ teams: ["new"] }), users.create({ role: "REVIEWER" })]);
    const title = unique("Queued for review");
    await member.submitNew({ title }, fraud.answers);
    await reviewer.signIn(page);
    const queue = new ReviewQueuePage(page);
    await queue.goto();
    await expect(queue.row(title)).toContainText(STRATEGY_LABELS[assess(fraud.answers).recommended!]);
    await page.getByLabel("Recommended strategy").focus();
    await page.getByLabel("Recommended strategy").selectOption("edge");
    await page.getByLabel("Waiting at least (days)").focus();
    await page.keyboard.type("3650");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/strategy=edge/);
    await expect(page).toHaveURL(/minAge=3650/);
    await expect(page.getByRole("heading", { name: "No submitted decision matches these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByLabel("Recommended strategy")).toHaveValue("");
    await expect(queue.row(title)).toBeVisible();
  });
});

test.describe("nothing feasible (engine 2.0.0)", () => {
  // A person waits 200 ms on request-time inputs sent as 1 GB payloads: no strategy fits.
  const impossible: Answers = { ...fraud.answers, consumer: "user-request", payloadMB: 1_000, latencyBudgetMs: 200, processingTimeMs: 30, featureFreshness: "request", inputsEnumerable: false, offlineOrOnDevice: false, modelSizeGB: 3 };

  test("the questionnaire, the decision page and the review say so; a reviewer can only reject or request changes", async ({ page, users, pageAs }) => {
    test.setTimeout(180_000);
    expect(assess(impossible).recommended).toBeNull();
    const title = unique("Search ranking, 1 GB payloads");
    const maya = await users.create({ name: "Maya", teams: ["new"] });
    const raj = await users.create({ name: "Raj", role: "REVIEWER" });
    await maya.signIn(page);
    const form = new QuestionnairePage(page);
    await new UseCasesPage(page).create({ title, description: "Ranks search results.", tags: [] });
    await form.answerAll(impossible);
    await expect(form.liveRecommended()).toHaveText("No feasible strategy");
    await form.submitButton().click();
    await expect(page).toHaveURL(/\/versions\/1$/);
    await expect(page.getByTestId("recommended-strategy")).toHaveText("No feasible strategy");
    const explanation = page.getByTestId("no-feasible-strategy");
    await expect(explanation).toContainText("Real-time endpoint");
    await expect(explanation).toContainText(/Smallest change: set the payload size to 10 MB/i);
    await expectNoSeriousAxeViolations(page);

    const reviewer = await pageAs(raj);
    const queue = new ReviewQueuePage(reviewer);
    await queue.goto();
    await expect(queue.row(title)).toContainText("No feasible strategy");
    await queue.open(title);
    const panel = new ReviewPanel(reviewer);
    await expect(panel.region.getByTestId("nothing-to-approve")).toBeVisible();
    await expect(panel.approveButton()).toHaveCount(0);
    await expectNoSeriousAxeViolations(reviewer);
    await panel.requestChanges("Stage the payloads in object storage and resubmit.");
  });
});
